using System.Security.Cryptography;
using System.Text;

namespace CallFlows.Runtime.Security;

/// <summary>
/// The proof in a callback URL that this app handed that URL out for that instance: <c>sig</c> =
/// base64url(HMAC-SHA256(key, "callflows-callback-v1:" + instanceId)). See <see cref="CallbackSigningOptions"/>.
/// </summary>
internal static class CallbackUrlSignature
{
    /// <summary>The query parameter carrying the proof.</summary>
    public const string QueryParameter = "sig";

    private const string Purpose = "callflows-callback-v1:";
    private const string DerivationLabel = "CallFlows callback URL signing key v1";

    /// <summary>The keys in effect: the configured ones, else one derived from the ACS access key; empty when neither exists.</summary>
    /// <param name="options">The app settings.</param>
    /// <returns>The keys, signing key first.</returns>
    public static IReadOnlyList<byte[]> EffectiveKeys(CallFlowsOptions options)
    {
        var configured = options.CallbackSigning.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Encoding.UTF8.GetBytes(k.Trim())).ToList();
        if (configured.Count > 0)
        {
            return configured;
        }

        return AccessKey(options.Acs.ConnectionString) is { } accessKey
            ? [HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.UTF8.GetBytes(DerivationLabel))]
            : [];
    }

    /// <summary>Signs an instance id with the first key.</summary>
    /// <param name="options">The app settings.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The proof.</returns>
    /// <exception cref="InvalidOperationException">No key is configured or derivable.</exception>
    public static string Sign(CallFlowsOptions options, string instanceId)
    {
        var keys = EffectiveKeys(options);
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("Set CallFlows:CallbackSigning:Keys:0 (or an ACS connection string with an access key) to sign callback URLs.");
        }

        return Compute(keys[0], instanceId);
    }

    /// <summary>Whether a proof matches an instance id under any key in effect (constant-time comparison).</summary>
    /// <param name="options">The app settings.</param>
    /// <param name="instanceId">The instance id from the route.</param>
    /// <param name="proof">The <c>sig</c> query value.</param>
    /// <returns>True when it matches one key.</returns>
    public static bool Verify(CallFlowsOptions options, string instanceId, string? proof)
    {
        if (string.IsNullOrEmpty(proof) || proof.Length > 100)
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(proof);
        var match = false;
        foreach (var key in EffectiveKeys(options))
        {
            // Every key is tried, so the time taken does not say which one matched.
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Compute(key, instanceId)));
        }

        return match;
    }

    private static string Compute(byte[] key, string instanceId) =>
        Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Purpose + instanceId)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? AccessKey(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals("accesskey", StringComparison.OrdinalIgnoreCase) && part.Length > equals + 1)
            {
                return part[(equals + 1)..].Trim();
            }
        }

        return null;
    }
}
