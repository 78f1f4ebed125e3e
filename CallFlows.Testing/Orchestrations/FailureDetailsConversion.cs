using Microsoft.DurableTask;
using CoreFailureDetails = DurableTask.Core.FailureDetails;

namespace CallFlows.Testing.Orchestrations;

/// <summary>Between Durable Task's public failure details and the engine's (the SDK keeps its own conversions internal).</summary>
internal static class FailureDetailsConversion
{
    public static CoreFailureDetails ToCore(TaskFailureDetails failure) =>
        new(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure is null ? null : ToCore(failure.InnerFailure), false, failure.Properties);

    public static TaskFailureDetails FromCore(CoreFailureDetails failure) =>
        new(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure is null ? null : FromCore(failure.InnerFailure), failure.Properties);
}
