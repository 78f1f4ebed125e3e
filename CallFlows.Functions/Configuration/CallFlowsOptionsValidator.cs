using CallFlows.CallAutomation;
using CallFlows.Functions.Flows;
using CallFlows.Functions.Security;
using Microsoft.Extensions.Options;

namespace CallFlows.Functions.Configuration;

/// <summary>Checks <see cref="CallFlowsOptions"/> at startup so a misconfigured app fails fast with every problem named.</summary>
public sealed class CallFlowsOptionsValidator : IValidateOptions<CallFlowsOptions>
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

        for (var i = 0; i < options.Routing.Rules.Count; i++)
        {
            ValidateRule($"CallFlows:Routing:Rules:{i}", options.Routing.Rules[i], errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRule(string path, RouteRule rule, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(rule.Called))
        {
            errors.Add($"{path}:Called is required ('*', a number, a raw id, or a prefix ending in '*').");
        }

        switch (rule.Action)
        {
            case RouteAction.Redirect:
                CheckRawId($"{path}:RedirectTarget", rule.RedirectTarget, required: true, errors);
                break;
            case RouteAction.Reject:
                break;
            default:
                if (FlowNames.Resolve(FlowNames.Inbound, rule.Flow) is null)
                {
                    errors.Add($"{path}:Flow must name an inbound flow ({string.Join(", ", FlowNames.Inbound)}).");
                    break;
                }

                ValidateSettings($"{path}:Settings", rule.Settings, errors);
                break;
        }
    }

    private static void ValidateSettings(string path, InboundRouteSettings settings, List<string> errors)
    {
        CheckRawId($"{path}:Agent", settings.Agent, required: true, errors);
        CheckRawId($"{path}:AgentCallerId", settings.AgentCallerId, required: false, errors);
        if (settings.AgentInvitationTimeout < TimeSpan.FromSeconds(1) || settings.AgentInvitationTimeout > TimeSpan.FromSeconds(180))
        {
            errors.Add($"{path}:AgentInvitationTimeout must be between 1 and 180 seconds.");
        }

        foreach (var (field, value) in new[] { ("AgentWaitTimeout", settings.AgentWaitTimeout), ("AnswerTimeout", settings.AnswerTimeout), ("MaxCallDuration", settings.MaxCallDuration) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{path}:{field} must be positive.");
            }
        }

        if (settings.OnNoAgent == NoAgentAction.Transfer)
        {
            CheckRawId($"{path}:FallbackTarget", settings.FallbackTarget, required: true, errors);
        }

        try
        {
            // The client's context enforces ACS's documented header limits.
            var context = new CustomCallingContext();
            foreach (var (key, value) in settings.FallbackSipHeaders)
            {
                context.AddSipX(key, value);
            }

            if (settings.FallbackUui is not null)
            {
                context.AddSipUui(settings.FallbackUui);
            }

            foreach (var (key, value) in settings.FallbackVoipHeaders)
            {
                context.AddVoip(key, value);
            }
        }
        catch (ArgumentException exception)
        {
            errors.Add($"{path}: fallback headers: {exception.Message}");
        }
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
