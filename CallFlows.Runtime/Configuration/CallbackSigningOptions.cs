namespace CallFlows.Runtime.Configuration;

/// <summary>
/// How each callback URL handed to ACS is bound to its call (configuration section <c>CallFlows:CallbackSigning</c>):
/// the URL carries <c>sig</c>, an HMAC-SHA256 of the instance id under an app secret, and a callback whose URL proof does
/// not match is refused with 403. The ACS token proves that ACS sent a callback, not for which call; the URL proof stops a
/// token captured from one call being replayed at another call's callback URL.
/// </summary>
/// <remarks>
/// Rotation without breaking calls in flight: put the new key first and keep the old one second
/// (<c>Keys:0</c> = new, <c>Keys:1</c> = old). New calls are signed with the first key; every listed key is accepted.
/// Drop the old key once every call started before the change has ended (the longest call your flows allow).
/// </remarks>
public sealed class CallbackSigningOptions
{
    /// <summary>The minimum length of a signing key, in characters.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>
    /// The signing keys (secrets of at least <see cref="MinimumKeyLength"/> characters, e.g. 32 random bytes in base64):
    /// the first signs new callback URLs, all of them are accepted; blank entries are ignored. Empty (the default) derives one key from the access key
    /// of <see cref="AcsOptions.ConnectionString"/>; with Microsoft Entra ID authentication (no access key) a key is
    /// required. In Azure keep them in app settings or Key Vault references.
    /// </summary>
    public IList<string> Keys { get; } = [];
}
