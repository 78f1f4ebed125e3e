using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallFlows.Tests.Security;

/// <summary>
/// The callback URL proof computed independently of the runtime (as docs/HOSTING.md specifies it), so tests check the
/// format rather than reuse the code under test: <c>sig</c> = base64url(HMAC-SHA256(key, "callflows-callback-v1:" + id)).
/// </summary>
internal static class CallbackUrlProof
{
    public static string For(string key, string instanceId) => For(Encoding.UTF8.GetBytes(key), instanceId);

    /// <summary>The proof with the key derived from an ACS access key (no key configured).</summary>
    public static string ForAccessKey(string accessKey, string instanceId) =>
        For(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.UTF8.GetBytes("CallFlows callback URL signing key v1")), instanceId);

    /// <summary>The signed callback path of an instance in a running app (from its options, i.e. as handed to ACS).</summary>
    public static string SignedPath(IServiceProvider services, string instanceId) =>
        services.GetRequiredService<IOptions<CallFlowsOptions>>().Value.GetCallbackUri(instanceId).PathAndQuery.TrimStart('/');

    static string For(byte[] key, string instanceId) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("callflows-callback-v1:" + instanceId)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
