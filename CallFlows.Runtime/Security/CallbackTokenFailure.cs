namespace CallFlows.Runtime.Security;

/// <summary>Why a callback token was not accepted.</summary>
internal enum CallbackTokenFailure
{
    /// <summary>The token was accepted (or validation is off).</summary>
    None = 0,

    /// <summary>No <c>Authorization: Bearer</c> token.</summary>
    Missing,

    /// <summary>The token is not a readable JWT.</summary>
    Malformed,

    /// <summary>The signature does not verify with any published signing key.</summary>
    InvalidSignature,

    /// <summary>The token expired (or is not valid yet, or has no expiry).</summary>
    Expired,

    /// <summary>The audience is not this ACS resource.</summary>
    WrongAudience,

    /// <summary>The issuer is not ACS Call Automation.</summary>
    WrongIssuer,

    /// <summary>The token is invalid for another reason.</summary>
    Invalid,

    /// <summary>The signing keys could not be fetched (a server-side problem: the sender should retry).</summary>
    KeysUnavailable,
}
