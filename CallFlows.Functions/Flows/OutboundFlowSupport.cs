using System.ComponentModel.DataAnnotations;
using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>Pieces the outbound sample flows share: their input rules and setting up their call.</summary>
internal static class OutboundFlowSupport
{
    /// <summary>The options of a 1:1 call from the request.</summary>
    public static CreateCallFlowOptions CallOptions(OutboundCallInput input, bool withHeaders)
    {
        var options = new CreateCallFlowOptions { CallerId = input.CallerIdentifier, DisplayName = input.DisplayName, Timeout = input.ConnectTimeout };
        if (withHeaders)
        {
            input.AddHeaders(options.CustomCallingContext);
        }

        return options;
    }

    /// <summary>Sets up the group call of a sample: one call to all targets, or joining the given existing call.</summary>
    public static Task<CallFlowCall> GroupCallAsync(CallFlowContext flow, OutboundCallInput input) =>
        input.LocatorOrNull() is { } locator
            ? flow.ConnectAsync(locator, new ConnectOptions { Timeout = input.ConnectTimeout })
            : flow.CreateGroupCallAsync(input.TargetIdentifiers, CallOptions(input, withHeaders: false));

    /// <summary>The rule every sample but the joining ones has: at least one target (exactly one when <paramref name="single"/>).</summary>
    public static IEnumerable<ValidationResult> RequireTargets(OutboundCallInput input, bool single)
    {
        var count = input.Targets?.Count ?? 0;
        if (count == 0)
        {
            yield return new ValidationResult("'targets' needs at least one raw id.", ["targets"]);
        }
        else if (single && count != 1)
        {
            yield return new ValidationResult("'targets' must hold exactly one raw id for this flow.", ["targets"]);
        }
    }

    /// <summary>A required raw-id field of one flow.</summary>
    public static IEnumerable<ValidationResult> Require(string? value, string field, string why)
    {
        if (value is null)
        {
            yield return new ValidationResult($"'{field}' is required {why}.", [field]);
        }
    }
}
