using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>A Microsoft Teams user (raw id <c>8:orgid:</c>, <c>8:dod:</c>, <c>8:gcch:</c>, or <c>8:teamsvisitor:</c> when anonymous).</summary>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public sealed class MicrosoftTeamsUserIdentifier : CommunicationIdentifier
{
    /// <summary>Creates a Teams user identifier.</summary>
    /// <param name="userId">The Entra object id of the user (or the visitor id when anonymous).</param>
    /// <param name="isAnonymous">Whether the user is an anonymous Teams visitor.</param>
    /// <param name="cloud">The cloud of the user; defaults to <see cref="CommunicationCloudEnvironment.Public"/>.</param>
    /// <param name="rawId">The raw id when known (from the service); computed from the other values otherwise.</param>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is null or empty.</exception>
    public MicrosoftTeamsUserIdentifier(string userId, bool isAnonymous = false, CommunicationCloudEnvironment? cloud = null, string? rawId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        UserId = userId;
        IsAnonymous = isAnonymous;
        Cloud = cloud ?? CommunicationCloudEnvironment.Public;
        RawId = string.IsNullOrEmpty(rawId) ? ComputeRawId(userId, isAnonymous, Cloud) : rawId;
    }

    /// <summary>The Entra object id of the user.</summary>
    public string UserId { get; }

    /// <summary>Whether the user is an anonymous Teams visitor.</summary>
    public bool IsAnonymous { get; }

    /// <summary>The cloud of the user.</summary>
    public CommunicationCloudEnvironment Cloud { get; }

    /// <inheritdoc />
    public override string RawId { get; }

    private static string ComputeRawId(string userId, bool isAnonymous, CommunicationCloudEnvironment cloud)
    {
        if (isAnonymous)
        {
            return "8:teamsvisitor:" + userId;
        }

        if (cloud == CommunicationCloudEnvironment.Dod)
        {
            return "8:dod:" + userId;
        }

        return cloud == CommunicationCloudEnvironment.Gcch ? "8:gcch:" + userId : "8:orgid:" + userId;
    }
}
