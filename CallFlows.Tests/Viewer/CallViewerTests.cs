using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.Runtime.Viewer;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using CallFlows.Tests.EndToEnd;

namespace CallFlows.Tests.Viewer;

/// <summary>
/// The call viewer and its API on the local host (real Durable Task engine over Azurite, the ACS emulator, real HTTP),
/// and the page in headless Chromium during a live call.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CallViewerTests(EndToEndFixture fixture) : IAsyncLifetime
{
    const string RoutedNumber = "+18005550170";
    const string RejectedNumber = "+18005550171";
    const string Agent = "8:acs:contoso_viewer-agent";

    CallFlowsLocalApp app = null!;

    public async Task InitializeAsync()
    {
        var options = new CallFlowsLocalAppOptions
        {
            StorageConnectionString = fixture.Azurite.ConnectionString,
            TaskHubName = "viewer" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
            RoutingRules =
            [
                new RouteRule { Called = RoutedNumber, Flow = nameof(InboundRoutingFlow), Settings = RouteRule.SettingsFrom(new InboundRouteSettings { Agent = Agent }) },
                new RouteRule { Called = RejectedNumber, Action = RouteAction.Reject, RejectReason = CallFlows.CallAutomation.CallRejectReason.Busy },
            ],
        };
        options.Emulator.OwnedPhoneNumbers.Add(RoutedNumber);
        options.Emulator.OwnedPhoneNumbers.Add(RejectedNumber);
        this.app = await CallFlowsLocalApp.StartAsync(options);
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task Viewer_LiveInboundCall_RendersTimelineAndParticipantsThenTheOutcome()
    {
        const string Caller = "+15550007001";
        this.app.Emulator!.World.Configure(Agent, IdentityBehavior.Answers());
        var (_, id) = await EndToEndHarness.PlaceInboundAsync(this.app, Caller, RoutedNumber);
        CallView live = await this.WaitForViewAsync(id, v => v.Timeline.Any(t => t.Name == "AddParticipantSucceeded"), "the agent joined");
        live.IsLive.Should().BeTrue();

        await using var browser = await HeadlessChromium.StartAsync(new Uri(this.app.BaseAddress, "api/viewer#call=" + id));
        string row = $"document.querySelector('#calls tbody tr[data-instance-id=\"{id}\"]')";
        await browser.WaitUntilAsync(
            $"{row} && document.querySelector('#timeline tbody tr[data-name=\"AddParticipantSucceeded\"]') && !document.getElementById('call-live').hidden",
            TimeSpan.FromSeconds(60), "the live call with its timeline");

        // The list: flow, numbers, live status.
        string listed = (await browser.EvaluateAsync($"{row}.innerText"))!.GetValue<string>();
        listed.Should().Contain(nameof(InboundRoutingFlow)).And.Contain("4:" + Caller).And.Contain("4:" + RoutedNumber).And.Contain("Running");

        // The timeline: actions and events merged in time order, with statuses and result codes.
        string[] names = Strings(await browser.EvaluateAsync("[...document.querySelectorAll('#timeline tbody tr')].map(r => r.dataset.kind + ':' + r.dataset.name)"));
        names.Should().ContainInOrder("Flow:" + nameof(InboundRoutingFlow), "Action:AnswerCall", "Event:CallConnected", "Action:AddParticipant", "Event:AddParticipantSucceeded");
        string answered = (await browser.EvaluateAsync("document.querySelector('#timeline tbody tr[data-name=\"AnswerCall\"]').innerText"))!.GetValue<string>();
        answered.Should().Contain("Succeeded");
        string joined = (await browser.EvaluateAsync("document.querySelector('#timeline tbody tr[data-name=\"AddParticipantSucceeded\"]').innerText"))!.GetValue<string>();
        int? joinedCode = live.Timeline.First(t => t.Name == "AddParticipantSucceeded").ResultCode;
        joinedCode.Should().NotBeNull("ACS sends resultInformation with AddParticipantSucceeded");
        joined.Should().Contain(joinedCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string note = (await browser.EvaluateAsync("document.getElementById('timeline-note').innerText"))!.GetValue<string>();
        note.Should().Contain("complete history");

        // The participants over time: the agent is on the latest roster.
        string roster = (await browser.EvaluateAsync("document.getElementById('participants').innerText"))!.GetValue<string>();
        roster.Should().Contain(Agent).And.Contain("4:" + Caller);
        (await browser.EvaluateAsync("document.getElementById('call-status').innerText"))!.GetValue<string>().Should().Be("Running");

        byte[] png = await browser.ScreenshotAsync();
        KeepScreenshot(png);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).Should().Be(1600, "the screenshot is the viewport");

        // The caller hangs up: the page, refreshing while the call is live, shows the end and the outcome by itself.
        this.app.Emulator.HangUpParticipant(live.Status!.CallConnectionId!, "4:" + Caller);
        await browser.WaitUntilAsync(
            "document.getElementById('call-status').innerText === 'Completed' && document.getElementById('call-live').hidden"
            + " && document.querySelector('#timeline tbody tr[data-name=\"CallDisconnected\"]')",
            TimeSpan.FromSeconds(60), "the completed call");
        string outcome = (await browser.EvaluateAsync("document.getElementById('outcome').innerText"))!.GetValue<string>();
        outcome.Should().Contain(nameof(InboundRoutingFlowResult.AgentConnected));
        await browser.WaitUntilAsync($"{row}.dataset.status === 'Completed'", TimeSpan.FromSeconds(60), "the list row completed");
    }

    [Fact]
    public async Task ListCalls_PageSizeOne_ContinuationTokensVisitEveryCallOnce()
    {
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var (_, id) = await EndToEndHarness.PlaceInboundAsync(this.app, "+1555000710" + i, RejectedNumber);
            ids.Add(id);
        }

        foreach (string id in ids)
        {
            await EndToEndHarness.WaitForEndAsync(this.app, id);
        }

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            string url = "api/calls?status=ended&pageSize=1&flow=" + nameof(RejectCallFlow) + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            CallListPage page = (await this.app.Client.GetFromJsonAsync<CallListPage>(url, JsonHttpResult.SerializerOptions))!;
            page.Calls.Count.Should().BeLessThanOrEqualTo(1);
            seen.AddRange(page.Calls.Select(c => c.InstanceId));
            foreach (CallSummary call in page.Calls)
            {
                call.Flow.Should().Be(nameof(RejectCallFlow));
                call.RuntimeStatus.Should().Be("Completed");
                call.IsLive.Should().BeFalse();
                call.Outcome.Should().Be(nameof(RoutedCallResult.Rejected));
                call.To.Should().Be("4:" + RejectedNumber);
                call.From.Should().StartWith("4:+1555000710");
            }

            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 20);

        seen.Should().BeEquivalentTo(ids, "each call appears exactly once across the pages");
        pages.Should().BeGreaterThanOrEqualTo(3);

        CallListPage live = (await this.app.Client.GetFromJsonAsync<CallListPage>("api/calls?status=live", JsonHttpResult.SerializerOptions))!;
        live.Calls.Should().BeEmpty();
    }

    [Theory]
    [InlineData("status=ringing", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    public async Task ListCalls_BadParameter_400NamingTheField(string query, string field)
    {
        using HttpResponseMessage response = await this.app.Client.GetAsync("api/calls?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("field").GetString().Should().Be(field);
    }

    [Fact]
    public async Task GetCall_EndedCall_TimelineIsTheCompleteHistory()
    {
        var (_, id) = await EndToEndHarness.PlaceInboundAsync(this.app, "+15550007200", RejectedNumber);

        CallView view = await this.WaitForViewAsync(id, v => !v.IsLive, "ended");

        view.TimelineComplete.Should().BeTrue();
        view.IsLive.Should().BeFalse();
        view.From.Should().Be("4:+15550007200");
        view.Timeline.Select(t => $"{t.Kind}:{t.Name}:{t.Status}").Should().Equal(
            $"Flow:{nameof(RejectCallFlow)}:Started",
            "Action:RejectCall:Succeeded",
            $"Flow:{nameof(RoutedCallResult.Rejected)}:Succeeded");
        view.Timeline[1].CompletedAt.Should().BeOnOrAfter(view.Timeline[1].Time);
        view.Outcome!.Result.Should().Be(nameof(RoutedCallResult.Rejected));
    }

    [Fact]
    public async Task GetCall_UnknownInstance_404()
    {
        using HttpResponseMessage response = await this.app.Client.GetAsync("api/calls/in-" + new string('0', 32));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ViewerPage_IsSelfContainedHtmlWithAStrictPolicy()
    {
        using HttpResponseMessage response = await this.app.Client.GetAsync("api/viewer");
        string html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("connect-src 'self'");
        html.Should().NotMatchRegex("(src|href)=\"(https?:)?//").And.NotContain("@import");
        html.Should().NotContain("innerHTML", "data is written as text only");
    }

    async Task<CallView> WaitForViewAsync(string id, Func<CallView, bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(EndToEndHarness.CallTimeout);
        CallView? last = null;
        string lastResponse = "none";
        while (!cts.IsCancellationRequested)
        {
            using HttpResponseMessage response = await this.app.Client.GetAsync("api/calls/" + id, CancellationToken.None);
            lastResponse = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.Content.ReadFromJsonAsync<CallView>(JsonHttpResult.SerializerOptions);
                if (last is not null && condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"Call {id}: not '{what}' within {EndToEndHarness.CallTimeout.TotalSeconds} s; last response: {lastResponse}");
    }

    static string[] Strings(System.Text.Json.Nodes.JsonNode? node) =>
        node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    // docs/call-viewer.png is refreshed when CALLFLOWS_WRITE_SCREENSHOT=1; otherwise the shot goes to the temp folder.
    static void KeepScreenshot(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        string path = Environment.GetEnvironmentVariable("CALLFLOWS_WRITE_SCREENSHOT") == "1"
            ? Path.Combine(AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory)!, "docs", "call-viewer.png")
            : Path.Combine(Path.GetTempPath(), "call-viewer-" + Guid.NewGuid().ToString("N")[..8] + ".png");
        File.WriteAllBytes(path, png);
    }
}
