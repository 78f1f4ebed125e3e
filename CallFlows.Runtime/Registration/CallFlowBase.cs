using System.ComponentModel.DataAnnotations;
using Microsoft.DurableTask;

namespace CallFlows.Runtime;

/// <summary>The common base of registered flows; derive from <see cref="InboundCallFlow{TSettings, TResult}"/> or <see cref="OutboundCallFlow{TInput, TResult}"/>.</summary>
public abstract class CallFlowBase
{
    private protected CallFlowBase()
    {
    }

    internal abstract CallFlowKind Kind { get; }

    /// <summary>The settings type (inbound) or input type (outbound).</summary>
    internal abstract Type InputType { get; }

    internal abstract Type ResultType { get; }

    internal abstract Task<CallFlowOutcome> ExecuteAsync(TaskOrchestrationContext context);

    internal abstract IReadOnlyList<ValidationResult> ValidateInput(object input);

    /// <summary>Data annotations (recursively for nested objects is the type's own business) plus <see cref="IValidatableObject"/>.</summary>
    private protected static List<ValidationResult> Annotations(object value)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        return results;
    }
}
