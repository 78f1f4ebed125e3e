namespace CallFlows.CallAutomation;

/// <summary>Maps raw ids to typed identifiers with the prefix table of the JS/.NET communication-common libraries.</summary>
internal static class RawIdParser
{
    public static CommunicationIdentifier Parse(string rawId)
    {
        if (rawId.StartsWith(PhoneNumberIdentifier.Prefix, StringComparison.Ordinal))
        {
            return new PhoneNumberIdentifier(rawId[PhoneNumberIdentifier.Prefix.Length..] is { Length: > 0 } number ? number : rawId, rawId);
        }

        // Every other known raw id has the form "<n>:<scope>:<suffix>".
        var first = rawId.IndexOf(':');
        var second = first < 0 ? -1 : rawId.IndexOf(':', first + 1);
        if (second < 0 || second == rawId.Length - 1)
        {
            return new UnknownIdentifier(rawId);
        }

        var prefix = rawId[..(second + 1)];
        var suffix = rawId[(second + 1)..];
        return prefix switch
        {
            "8:teamsvisitor:" => new MicrosoftTeamsUserIdentifier(suffix, isAnonymous: true, CommunicationCloudEnvironment.Public, rawId),
            "8:orgid:" => new MicrosoftTeamsUserIdentifier(suffix, false, CommunicationCloudEnvironment.Public, rawId),
            "8:dod:" => new MicrosoftTeamsUserIdentifier(suffix, false, CommunicationCloudEnvironment.Dod, rawId),
            "8:gcch:" => new MicrosoftTeamsUserIdentifier(suffix, false, CommunicationCloudEnvironment.Gcch, rawId),
            "28:orgid:" => new MicrosoftTeamsAppIdentifier(suffix, CommunicationCloudEnvironment.Public),
            "28:dod:" => new MicrosoftTeamsAppIdentifier(suffix, CommunicationCloudEnvironment.Dod),
            "28:gcch:" => new MicrosoftTeamsAppIdentifier(suffix, CommunicationCloudEnvironment.Gcch),
            "8:acs:" => TeamsExtensionOrUser(rawId, suffix, CommunicationCloudEnvironment.Public),
            "8:dod-acs:" => TeamsExtensionOrUser(rawId, suffix, CommunicationCloudEnvironment.Dod),
            "8:gcch-acs:" => TeamsExtensionOrUser(rawId, suffix, CommunicationCloudEnvironment.Gcch),
            "8:spool:" => new CommunicationUserIdentifier(rawId),
            _ => new UnknownIdentifier(rawId),
        };
    }

    // Same rule as communication-common: an ACS id with exactly three '_' separated segments is a Teams extension user.
    private static CommunicationIdentifier TeamsExtensionOrUser(string rawId, string suffix, CommunicationCloudEnvironment cloud)
    {
        var segments = suffix.Split('_');
        if (segments.Length == 3 && segments.All(s => s.Length > 0))
        {
            return new TeamsExtensionUserIdentifier(segments[2], segments[1], segments[0], cloud);
        }

        return new CommunicationUserIdentifier(rawId);
    }
}
