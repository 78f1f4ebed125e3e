using System.Globalization;
using System.Reflection;
using System.Text;
using CallFlows.Runtime.Telemetry;
using Microsoft.DurableTask;

namespace CallFlows.Runtime;

/// <summary>One run of a flow: its context, its typed result turned into the outcome, and what happens when it throws.</summary>
internal static class CallFlowExecution
{
    private const int MaxOutcomeParticipants = 50;

    public static async Task<CallFlowOutcome> RunAsync<TResult>(TaskOrchestrationContext context, Func<CallFlowContext, Task<TResult>> run)
        where TResult : struct, Enum
    {
        var flow = new CallFlowContext(context);
        using var scope = CallLogScope.Begin(flow.Logger, context.InstanceId);
        CallFlowOutcome outcome;
        try
        {
            FlowTelemetry.Started(context);
            var result = await run(flow);
            var (description, succeeded) = Describe(result);
            outcome = Build(flow, result.ToString(), succeeded, description);
        }
        catch (CallEndedException)
        {
            outcome = Build(flow, "CallEnded", false, "The call ended before the flow finished.");
        }
        catch (CallNotConnectedException exception)
        {
            outcome = Build(flow, "NotConnected", false, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nobody drives the call once the instance fails: end it first, then let the instance fail.
            await flow.EndAbandonedCallsAsync(exception);
            flow.CancelSpareTimers();
            FlowTelemetry.Ended(context, flow.StartedAt, "Failed", succeeded: false, exception.Message, flow.RootSpanId);
            throw;
        }

        flow.Complete(outcome);
        FlowTelemetry.Ended(context, flow.StartedAt, outcome.Result, outcome.Succeeded, outcome.Description, flow.RootSpanId);
        return outcome;
    }

    /// <summary>
    /// The root span id <c>POST /api/calls</c> wrote beside an outbound flow's own input fields
    /// (<see cref="RootSpanProperty"/>); null for an input without it (started through the Durable Functions API).
    /// </summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The root span id, or null.</returns>
    public static string? ReadRootSpanId(TaskOrchestrationContext context)
    {
        var raw = context.GetInput<System.Text.Json.JsonElement>();
        return raw.ValueKind == System.Text.Json.JsonValueKind.Object
            && raw.TryGetProperty(RootSpanProperty, out var value)
            && value.ValueKind == System.Text.Json.JsonValueKind.String
            && CallTraceContext.IsSpanId(value.GetString())
                ? value.GetString()
                : null;
    }

    /// <summary>The property of an outbound flow's stored input that carries the call's root span id.</summary>
    public const string RootSpanProperty = "$callflows.rootSpanId";

    /// <summary>The sentence and success flag of a result value, from its <see cref="FlowOutcomeAttribute"/> (or its name).</summary>
    public static (string Description, bool Succeeded) Describe<TResult>(TResult result)
        where TResult : struct, Enum
    {
        var name = result.ToString();
        var attribute = typeof(TResult).GetField(name)?.GetCustomAttribute<FlowOutcomeAttribute>();
        return attribute is null ? (Humanize(name), false) : (attribute.Description, attribute.Succeeded);
    }

    private static CallFlowOutcome Build(CallFlowContext flow, string result, bool succeeded, string description)
    {
        var cause = flow.OutcomeCause ?? (succeeded ? null : flow.LastFailure);
        var call = flow.Call;
        return new CallFlowOutcome(flow.Name, result, succeeded, description)
        {
            CallConnectionId = call?.CallConnectionId,
            Detail = flow.OutcomeDetail ?? cause?.Describe(),
            ResultCode = cause?.Code,
            ResultSubCode = cause?.SubCode,
            ErrorCode = cause?.ErrorCode,
            Participants = call?.Participants.Take(MaxOutcomeParticipants).Select(p => p.Identifier?.RawId ?? string.Empty).ToList() ?? [],
            CompletedAt = flow.CurrentUtcDateTime,
        };
    }

    /// <summary><c>HungUpNoAgent</c> becomes "Hung up no agent.".</summary>
    private static string Humanize(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('.').ToString();
    }
}
