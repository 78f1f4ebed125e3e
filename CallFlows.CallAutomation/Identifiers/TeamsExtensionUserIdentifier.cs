using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>A Teams Phone extension user (raw id <c>8:acs:{resourceId}_{tenantId}_{userId}</c>, or <c>8:dod-acs:</c> / <c>8:gcch-acs:</c>).</summary>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public sealed class TeamsExtensionUserIdentifier : CommunicationIdentifier
{
    /// <summary>Creates a Teams extension user identifier.</summary>
    /// <param name="userId">The Entra object id of the user.</param>
    /// <param name="tenantId">The tenant id of the user.</param>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <param name="cloud">The cloud; defaults to <see cref="CommunicationCloudEnvironment.Public"/>.</param>
    /// <exception cref="ArgumentException">An id is null or empty.</exception>
    public TeamsExtensionUserIdentifier(string userId, string tenantId, string resourceId, CommunicationCloudEnvironment? cloud = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        UserId = userId;
        TenantId = tenantId;
        ResourceId = resourceId;
        Cloud = cloud ?? CommunicationCloudEnvironment.Public;
        var prefix = Cloud == CommunicationCloudEnvironment.Dod ? "8:dod-acs:" : Cloud == CommunicationCloudEnvironment.Gcch ? "8:gcch-acs:" : "8:acs:";
        RawId = $"{prefix}{resourceId}_{tenantId}_{userId}";
    }

    /// <summary>The Entra object id of the user.</summary>
    public string UserId { get; }

    /// <summary>The tenant id.</summary>
    public string TenantId { get; }

    /// <summary>The ACS resource id.</summary>
    public string ResourceId { get; }

    /// <summary>The cloud.</summary>
    public CommunicationCloudEnvironment Cloud { get; }

    /// <inheritdoc />
    public override string RawId { get; }
}
