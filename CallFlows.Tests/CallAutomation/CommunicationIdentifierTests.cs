using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Raw-id round trips for every prefix of PROTOCOL.md §5, equality, and the wire JSON converter.</summary>
public class CommunicationIdentifierTests
{
    [Theory]
    [InlineData("4:+15551234567", typeof(PhoneNumberIdentifier))]
    [InlineData("4:anonymous", typeof(PhoneNumberIdentifier))]
    [InlineData("4:+15551234567_207ffef6-9444-41fb-92ab-20eacaae2768", typeof(PhoneNumberIdentifier))]
    [InlineData("8:acs:resource_user1", typeof(CommunicationUserIdentifier))]
    [InlineData("8:spool:resource_user1", typeof(CommunicationUserIdentifier))]
    [InlineData("8:dod-acs:resource_user1", typeof(CommunicationUserIdentifier))]
    [InlineData("8:gcch-acs:resource_user1", typeof(CommunicationUserIdentifier))]
    [InlineData("8:orgid:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsUserIdentifier))]
    [InlineData("8:dod:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsUserIdentifier))]
    [InlineData("8:gcch:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsUserIdentifier))]
    [InlineData("8:teamsvisitor:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsUserIdentifier))]
    [InlineData("28:orgid:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsAppIdentifier))]
    [InlineData("28:dod:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsAppIdentifier))]
    [InlineData("28:gcch:45ab2481-1c1c-4005-be24-0ffb879b1130", typeof(MicrosoftTeamsAppIdentifier))]
    [InlineData("8:acs:resource_tenant_user", typeof(TeamsExtensionUserIdentifier))]
    [InlineData("8:dod-acs:resource_tenant_user", typeof(TeamsExtensionUserIdentifier))]
    [InlineData("8:gcch-acs:resource_tenant_user", typeof(TeamsExtensionUserIdentifier))]
    [InlineData("48:something", typeof(UnknownIdentifier))]
    [InlineData("plain", typeof(UnknownIdentifier))]
    public void FromRawId_EveryPrefix_RoundTripsExactly(string rawId, Type expectedType)
    {
        var identifier = CommunicationIdentifier.FromRawId(rawId);

        identifier.Should().BeOfType(expectedType);
        identifier.RawId.Should().Be(rawId);
        CommunicationIdentifier.FromRawId(identifier.RawId).Should().Be(identifier);

        foreach (var options in CallbackEventParserTests.AllOptions())
        {
            var json = JsonSerializer.Serialize(identifier, options);
            var back = JsonSerializer.Deserialize<CommunicationIdentifier>(json, options)!;
            back.Should().BeOfType(expectedType);
            back.RawId.Should().Be(rawId);
        }
    }

    [Fact]
    public void Constructors_ComputeRawIdsAndFields()
    {
        new PhoneNumberIdentifier("+1555").RawId.Should().Be("4:+1555");
        new MicrosoftTeamsUserIdentifier("u1").RawId.Should().Be("8:orgid:u1");
        new MicrosoftTeamsUserIdentifier("u1", isAnonymous: true).RawId.Should().Be("8:teamsvisitor:u1");
        new MicrosoftTeamsUserIdentifier("u1", false, CommunicationCloudEnvironment.Gcch).RawId.Should().Be("8:gcch:u1");
        new MicrosoftTeamsAppIdentifier("a1", CommunicationCloudEnvironment.Dod).RawId.Should().Be("28:dod:a1");
        new TeamsExtensionUserIdentifier("u", "t", "r").RawId.Should().Be("8:acs:r_t_u");

        var anonymous = (PhoneNumberIdentifier)CommunicationIdentifier.FromRawId("4:anonymous");
        anonymous.IsAnonymous.Should().BeTrue();
        anonymous.AssertedId.Should().BeNull();
        var asserted = (PhoneNumberIdentifier)CommunicationIdentifier.FromRawId("4:+15551234567_asserted1");
        asserted.AssertedId.Should().Be("asserted1");
        var visitor = (MicrosoftTeamsUserIdentifier)CommunicationIdentifier.FromRawId("8:teamsvisitor:v1");
        visitor.IsAnonymous.Should().BeTrue();
        visitor.UserId.Should().Be("v1");
        var dod = (MicrosoftTeamsUserIdentifier)CommunicationIdentifier.FromRawId("8:dod:x");
        dod.Cloud.Should().Be(CommunicationCloudEnvironment.Dod);
        var extension = (TeamsExtensionUserIdentifier)CommunicationIdentifier.FromRawId("8:gcch-acs:r_t_u");
        (extension.ResourceId, extension.TenantId, extension.UserId, extension.Cloud).Should().Be(("r", "t", "u", CommunicationCloudEnvironment.Gcch));
    }

    [Fact]
    public void Equality_SameRawIdDifferentInstances_AreEqual()
    {
        CommunicationIdentifier a = new PhoneNumberIdentifier("+1555");
        var b = CommunicationIdentifier.FromRawId("4:+1555");

        (a == b).Should().BeTrue();
        a.Equals(b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        (a != new PhoneNumberIdentifier("+1556")).Should().BeTrue();
        new HashSet<CommunicationIdentifier> { a, b }.Should().ContainSingle();
    }

    [Fact]
    public void JsonConverter_WritesWireModelLikeJs()
    {
        JsonSerializer.Serialize<CommunicationIdentifier>(new PhoneNumberIdentifier("+16041234567"))
            .Should().Be("""{"kind":"phoneNumber","rawId":"4:\u002B16041234567","phoneNumber":{"value":"\u002B16041234567","isAnonymous":false}}""");
        JsonAssert.Equivalent(
            JsonDocument.Parse("""{"kind":"microsoftTeamsUser","rawId":"8:orgid:u1","microsoftTeamsUser":{"userId":"u1","isAnonymous":false,"cloud":"public"}}""").RootElement,
            JsonSerializer.SerializeToElement<CommunicationIdentifier>(new MicrosoftTeamsUserIdentifier("u1")));
    }

    [Fact]
    public void JsonConverter_DerivedTypeProperty_RoundTrips()
    {
        var holder = new Holder { Phone = new PhoneNumberIdentifier("+1555"), User = new CommunicationUserIdentifier("8:acs:x") };

        var back = JsonSerializer.Deserialize<Holder>(JsonSerializer.Serialize(holder))!;

        back.Phone.Should().Be(holder.Phone);
        back.User!.Id.Should().Be("8:acs:x");
    }

    [Theory]
    [InlineData("""{"kind":"communicationUser","communicationUser":{"id":"8:acs:a"}}""", "8:acs:a")]
    [InlineData("""{"kind":"phoneNumber","phoneNumber":{"value":"+1555"}}""", "4:+1555")]
    [InlineData("""{"rawId":"8:orgid:u"}""", "8:orgid:u")]
    [InlineData("""{"kind":"unknown","rawId":"8:orgid:u"}""", "8:orgid:u")]
    [InlineData("""{"kind":"microsoftTeamsUser","microsoftTeamsUser":{"userId":"u","isAnonymous":true}}""", "8:teamsvisitor:u")]
    public void JsonConverter_ResponsesWithoutRawIdOrKind_AreRead(string json, string expectedRawId)
    {
        JsonSerializer.Deserialize<CommunicationIdentifier>(json)!.RawId.Should().Be(expectedRawId);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"8:acs:a\"")]
    [InlineData("""{"kind":"phoneNumber","phoneNumber":{}}""")]
    public void JsonConverter_InvalidModel_ThrowsJsonException(string json)
    {
        var act = () => JsonSerializer.Deserialize<CommunicationIdentifier>(json);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void JsonConverter_WrongDerivedType_ThrowsJsonException()
    {
        var act = () => JsonSerializer.Deserialize<PhoneNumberIdentifier>("""{"rawId":"8:acs:a"}""");

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void FromRawId_Empty_ThrowsArgumentException()
    {
        var act = () => CommunicationIdentifier.FromRawId("");

        act.Should().Throw<ArgumentException>().WithParameterName("rawId");
    }

    private sealed class Holder
    {
        public PhoneNumberIdentifier? Phone { get; set; }

        public CommunicationUserIdentifier? User { get; set; }
    }
}
