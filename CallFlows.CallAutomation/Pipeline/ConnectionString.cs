using System.Text.RegularExpressions;

namespace CallFlows.CallAutomation.Pipeline;

/// <summary>Parses <c>endpoint=...;accesskey=...</c> the way the JS SDK does (case-insensitive, endpoint first).</summary>
internal static partial class ConnectionString
{
    public static (Uri Endpoint, byte[] Key) Parse(string connectionString, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString, parameterName);
        var match = Pattern().Match(connectionString);
        if (!match.Success)
        {
            throw new ArgumentException("The connection string must have the form 'endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>'.", parameterName);
        }

        var endpointText = match.Groups[1].Value.Trim();
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The connection string endpoint '{endpointText}' is not an absolute http(s) URI.", parameterName);
        }

        var keyText = match.Groups[2].Value.Trim();
        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The connection string access key is not valid base64.", parameterName, exception);
        }

        if (key.Length == 0)
        {
            throw new ArgumentException("The connection string access key is empty.", parameterName);
        }

        return (endpoint, key);
    }

    [GeneratedRegex("endpoint=(.*);accesskey=(.*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
