using CallFlows.CallAutomation;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Configuration;

/// <summary>Checks <see cref="CallFlowsOptions"/> at startup so a misconfigured app fails fast with every problem named.</summary>
/// <param name="flows">The registered flows: each rule must name one, with settings its type accepts.</param>
internal sealed class CallFlowsOptionsValidator(CallFlowRegistry flows) : IValidateOptions<CallFlowsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CallFlowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.CallbackBaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("CallFlows:CallbackBaseUrl must be an absolute http(s) URL (the public base URL of this app).");
        }

        if (string.IsNullOrWhiteSpace(options.Acs.ConnectionString) && options.Acs.Endpoint is not { IsAbsoluteUri: true })
        {
            errors.Add("Set CallFlows:Acs:ConnectionString, or CallFlows:Acs:Endpoint for Microsoft Entra ID authentication.");
        }

        var auth = options.CallbackAuth;
        if (auth.ValidateTokens)
        {
            if (string.IsNullOrWhiteSpace(auth.Audience) && string.IsNullOrWhiteSpace(options.Acs.ResourceId))
            {
                errors.Add("Callback tokens are validated: set CallFlows:Acs:ResourceId (or CallFlows:CallbackAuth:Audience) to the ACS resource id.");
            }

            if (!auth.OpenIdConfigurationUrl.IsAbsoluteUri
                || (auth.OpenIdConfigurationUrl.Scheme != Uri.UriSchemeHttps && !CallbackTokenValidator.IsLoopback(auth.OpenIdConfigurationUrl)))
            {
                errors.Add("CallFlows:CallbackAuth:OpenIdConfigurationUrl must be an absolute https URL (http only for loopback).");
            }

            if (string.IsNullOrWhiteSpace(auth.Issuer))
            {
                errors.Add("CallFlows:CallbackAuth:Issuer must not be empty.");
            }
        }

        ValidateCallbackSigning(options, errors);
        errors.AddRange(flows.Errors);
        if (options.FailedFlowTarget is not null)
        {
            CheckRawId("CallFlows:FailedFlowTarget", options.FailedFlowTarget, required: false, errors);
        }

        for (var i = 0; i < options.Routing.Rules.Count; i++)
        {
            ValidateRule($"CallFlows:Routing:Rules:{i}", options.Routing.Rules[i], errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateCallbackSigning(CallFlowsOptions options, List<string> errors)
    {
        if (options.CallbackSigning.Keys.Any(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length < CallbackSigningOptions.MinimumKeyLength))
        {
            errors.Add($"Each CallFlows:CallbackSigning:Keys entry must be a secret of at least {CallbackSigningOptions.MinimumKeyLength} characters.");
        }
        else if (CallbackUrlSignature.EffectiveKeys(options).Count == 0)
        {
            errors.Add("Set CallFlows:CallbackSigning:Keys:0 (a secret of at least 32 characters) to bind callback URLs to their calls; it is derived from the access key only when CallFlows:Acs:ConnectionString is used.");
        }

        if (options.RunningInstanceCacheDuration < TimeSpan.Zero || options.RunningInstanceCacheDuration > TimeSpan.FromMinutes(1))
        {
            errors.Add("CallFlows:RunningInstanceCacheDuration must be between zero and one minute.");
        }

        if (options.StrandedCallSweep.Window <= TimeSpan.Zero || options.StrandedCallSweep.MaxCallAge <= TimeSpan.Zero)
        {
            errors.Add("CallFlows:StrandedCallSweep:Window and MaxCallAge must be positive.");
        }
    }

    private void ValidateRule(string path, RouteRule rule, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(rule.Called))
        {
            errors.Add($"{path}:Called is required ('*', a number, a raw id, or a prefix ending in '*').");
        }

        if (rule.Action == RouteAction.Redirect)
        {
            CheckRawId($"{path}:RedirectTarget", rule.RedirectTarget, required: true, errors);
            return;
        }

        CallRouter.Decide(rule, path, flows, errors);
    }

    private static void CheckRawId(string path, string? rawId, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(rawId))
        {
            if (required)
            {
                errors.Add($"{path} is required (a raw id such as 4:+14255550100 or 8:acs:...).");
            }

            return;
        }

        if (CommunicationIdentifier.FromRawId(rawId) is UnknownIdentifier)
        {
            errors.Add($"{path} '{rawId}' is not a recognized raw id.");
        }
    }
}
