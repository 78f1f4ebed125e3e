using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>A phone number (raw id <c>4:+15551234567</c>; anonymous callers <c>4:anonymous</c>).</summary>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public sealed class PhoneNumberIdentifier : CommunicationIdentifier
{
    internal const string Prefix = "4:";
    private const string AnonymousRawId = "4:anonymous";

    /// <summary>Creates a phone number identifier.</summary>
    /// <param name="phoneNumber">The phone number in E.164 format, e.g. <c>+15551234567</c>.</param>
    /// <param name="rawId">The raw id when known (from the service); defaults to <c>4:</c> + <paramref name="phoneNumber"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="phoneNumber"/> is null or empty.</exception>
    public PhoneNumberIdentifier(string phoneNumber, string? rawId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(phoneNumber);
        PhoneNumber = phoneNumber;
        RawId = string.IsNullOrEmpty(rawId) ? Prefix + phoneNumber : rawId;
    }

    /// <summary>The phone number in E.164 format.</summary>
    public string PhoneNumber { get; }

    /// <inheritdoc />
    public override string RawId { get; }

    /// <summary>Whether the number is withheld (raw id <c>4:anonymous</c>).</summary>
    public bool IsAnonymous => string.Equals(RawId, AnonymousRawId, StringComparison.Ordinal);

    /// <summary>The asserted id: the part of the raw id after the last <c>_</c>, if any (set by the service for some callers).</summary>
    public string? AssertedId
    {
        get
        {
            if (IsAnonymous || !RawId.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var index = RawId.LastIndexOf('_');
            return index < 0 || index == RawId.Length - 1 ? null : RawId[(index + 1)..];
        }
    }
}
