using System.Text;
using System.Text.Json.Nodes;
using CallFlows.Emulator;

namespace CallFlows.Tests.Emulator;

public sealed class AuthenticationTests : EmulatorTestBase
{
    private static JsonObject CreateBody(Uri callback) => new()
    {
        ["targets"] = new JsonArray(new JsonObject { ["kind"] = "communicationUser", ["communicationUser"] = new JsonObject { ["id"] = AcsUser } }),
        ["callbackUri"] = callback.AbsoluteUri,
    };

    [Fact]
    public async Task Request_SignedWithDateHeaderVariant_Accepted()
    {
        Raw.Signer.SignDateHeader = true;

        var response = await Raw.PostAsync("/calling/callConnections", CreateBody(Receiver.CallbackUri));

        response.Status.Should().Be(201, response.Text);
    }

    [Fact]
    public async Task Request_WrongKey_Returns401WithErrorBodyAndExecutesNothing()
    {
        Raw.Signer.KeyOverride = Convert.ToBase64String(Encoding.UTF8.GetBytes("some-other-key-entirely"));

        var response = await Raw.PostAsync("/calling/callConnections", CreateBody(Receiver.CallbackUri));

        response.Status.Should().Be(401);
        response.ErrorCode.Should().Be("Unauthorized");
        response.ErrorMessage.Should().Contain("signature does not match");
        AssertConforms(response.Body, "CommunicationErrorResponse");
        Emulator.Calls.Should().BeEmpty();
        Emulator.RequestLog.Entries.Should().ContainSingle().Which.Status.Should().Be(401);
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task Request_DateOutsideFifteenMinutes_Returns401(int minutes)
    {
        Raw.Signer.DateOverride = DateTimeOffset.UtcNow.AddMinutes(minutes);

        var response = await Raw.GetAsync("/calling/callConnections/x");

        response.Status.Should().Be(401);
        response.ErrorMessage.Should().Contain("minutes off");
    }

    [Fact]
    public async Task Request_DateWithinSkew_Accepted()
    {
        Raw.Signer.DateOverride = DateTimeOffset.UtcNow.AddMinutes(-10);

        var response = await Raw.GetAsync("/calling/callConnections/x");

        response.Status.Should().Be(404, "authenticated, then the call is unknown");
    }

    [Fact]
    public async Task Request_BodyHashMismatch_Returns401()
    {
        Raw.Signer.CorruptContentHash = true;

        var response = await Raw.PostAsync("/calling/callConnections", CreateBody(Receiver.CallbackUri));

        response.Status.Should().Be(401);
        response.ErrorMessage.Should().Contain("x-ms-content-sha256");
    }

    [Fact]
    public async Task Request_NoAuthorization_Returns401()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };

        using var response = await http.GetAsync(new Uri("/calling/callConnections/x?api-version=2026-03-12", UriKind.Relative));

        ((int)response.StatusCode).Should().Be(401);
    }

    [Fact]
    public async Task Request_BearerToken_RejectedUnlessConfigured()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/calling/callConnections/x?api-version=2026-03-12");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "entra-token");

        using var rejected = await http.SendAsync(request);

        ((int)rejected.StatusCode).Should().Be(401);
    }

    [Fact]
    public async Task Request_MissingApiVersion_Returns400NamingIt()
    {
        var response = await Raw.GetAsync("/calling/callConnections/x", addApiVersion: false);

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("api-version");
    }

    [Fact]
    public async Task CallbackJwt_OpenIdConfigurationAndKeys_ServedByEmulator()
    {
        using var http = new HttpClient();

        var configuration = JsonNode.Parse(await http.GetStringAsync(Emulator.OpenIdConfigurationUri))!;
        var keys = JsonNode.Parse(await http.GetStringAsync(configuration["jwks_uri"]!.GetValue<string>()))!;

        configuration["issuer"]!.GetValue<string>().Should().Be("https://acscallautomation.communication.azure.com");
        configuration["jwks_uri"]!.GetValue<string>().Should().Be(new Uri(Emulator.Endpoint, "calling/keys").AbsoluteUri);
        keys["keys"]![0]!["kty"]!.GetValue<string>().Should().Be("RSA");
        Emulator.Issuer.Should().Be("https://acscallautomation.communication.azure.com");
    }
}

public sealed class BearerAuthenticationTests : EmulatorTestBase
{
    protected override void Configure(AcsEmulatorOptions options) => options.BearerTokenValidator = token => token == "good-token";

    [Theory]
    [InlineData("good-token", 404)]
    [InlineData("bad-token", 401)]
    public async Task Request_BearerToken_CheckedByConfiguredValidator(string token, int expected)
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/calling/callConnections/x?api-version=2026-03-12");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(expected);
    }
}
