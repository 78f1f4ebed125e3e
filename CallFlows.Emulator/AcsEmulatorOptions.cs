using CallFlows.Emulator.Simulation;

namespace CallFlows.Emulator;

/// <summary>Settings of one emulator instance. Every property states its default.</summary>
public sealed class AcsEmulatorOptions
{
    /// <summary>The base64 access key clients sign requests with. Default: a fresh random 32-byte key per instance.</summary>
    public string AccessKey { get; set; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The immutable ACS resource id (a GUID): the audience of callback JWTs. Default: a fresh GUID per instance.</summary>
    public Guid ResourceId { get; set; } = Guid.NewGuid();

    /// <summary>The resource name used in the Event Grid <c>topic</c>. Default <c>acs-emulator</c>.</summary>
    public string ResourceName { get; set; } = "acs-emulator";

    /// <summary>Loopback address to listen on. Default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free ephemeral port. Default 0.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Phone numbers the resource owns (E.164, with or without the <c>4:</c> prefix): calls placed to them raise IncomingCall,
    /// and outbound PSTN calls must use one as caller id. Default <c>+18005550100</c>.
    /// </summary>
    public IList<string> OwnedPhoneNumbers { get; } = ["+18005550100"];

    /// <summary>
    /// ACS users of the resource (raw ids) besides every <c>8:acs:{ResourceId}_...</c> id, which is always treated as
    /// the resource's own. Calls placed to them raise IncomingCall. Default empty.
    /// </summary>
    public IList<string> OwnedUsers { get; } = [];

    /// <summary>Behaviour of every identity not configured individually. Default <see cref="IdentityBehavior.Default"/> (answers after 300 ms).</summary>
    public IdentityBehavior DefaultBehavior { get; set; } = IdentityBehavior.Default;

    /// <summary>How long an incoming call rings before it stops (unanswered); also how long an outbound call rings a callee. Default 30 s.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Invitation timeout of AddParticipant when the request gives none. Default 30 s (the real default is undocumented).</summary>
    public TimeSpan DefaultInvitationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time from a 200 answer/connect to CallConnected. Default 50 ms.</summary>
    public TimeSpan ConnectDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Allowed clock skew of the signed <c>x-ms-date</c>/<c>Date</c> header. Default 15 min.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a Repeatability-Request-ID is remembered. Default 5 min (the window ACS documents for Email).</summary>
    public TimeSpan RepeatabilityWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Validates <c>Authorization: Bearer</c> tokens (Entra ID). Null (the default) rejects bearer tokens with 401, as a
    /// resource without Entra access would; set e.g. <c>_ =&gt; true</c> to accept any token.
    /// </summary>
    public Func<string, bool>? BearerTokenValidator { get; set; }

    /// <summary>Retry policy of callback deliveries. Default <see cref="DeliveryRetryPolicy.CallbackDefault"/>.</summary>
    public DeliveryRetryPolicy CallbackRetry { get; set; } = DeliveryRetryPolicy.CallbackDefault;

    /// <summary>Retry policy of Event Grid deliveries. Default <see cref="DeliveryRetryPolicy.EventGridDefault"/>.</summary>
    public DeliveryRetryPolicy EventGridRetry { get; set; } = DeliveryRetryPolicy.EventGridDefault;

    /// <summary>Whether rooms unknown to the emulator are created on connect. Default true (group calls are always created on connect, like the service).</summary>
    public bool AutoCreateRooms { get; set; } = true;

    /// <summary>Whether CreateCallFailed/AnswerFailed/ConnectFailed are followed by CallDisconnected. Default true (the service's behaviour here is undocumented).</summary>
    public bool DisconnectAfterSetupFailure { get; set; } = true;

    /// <summary>Seed of the fault-injection random generator. Default 1.</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>The clock for timers, signed-date checks and JWT lifetimes. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The RSA key that signs callback JWTs (published at <c>/calling/keys</c>). Default null: a fresh 2048-bit key per
    /// instance. Test suites that start many emulators can share one key to save the key generation; the caller keeps
    /// ownership of the key.
    /// </summary>
    public System.Security.Cryptography.RSA? CallbackSigningKey { get; set; }

    /// <summary>Where the emulator logs (requests, deliveries, handshakes). Default null: no logging.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Event Grid webhooks registered (with the validation handshake) when the emulator starts. Default empty.</summary>
    public IList<Uri> EventGridWebhooks { get; } = [];

    /// <summary>
    /// Links the app behind the webhook adds to the control API's reply for a placed call (<c>POST /emulator/incoming-calls</c>
    /// answers with a <c>links</c> object), e.g. the id and status URL of the orchestration the app runs for the call. The
    /// emulator cannot know them itself; the local host sets this. Default <see langword="null"/>: no links.
    /// </summary>
    public Func<CallFlows.Emulator.Simulation.IncomingCallSnapshot, IReadOnlyDictionary<string, string>>? IncomingCallLinks { get; set; }

    /// <summary>How long an audio file prompt plays unless <see cref="EmulatedWorld.ConfigureMediaFile"/> says otherwise. Default: 2 s.</summary>
    public TimeSpan DefaultFilePromptDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Text-to-speech speaking rate: a text or SSML prompt lasts its spoken characters divided by this (min. 500 ms). Default: 15 characters/s.</summary>
    public double SpeechCharactersPerSecond { get; set; } = 15;

    /// <summary>How long after a recording stops its <c>RecordingFileStatusUpdated</c> event is published. Default: 500 ms.</summary>
    public TimeSpan RecordingFileReadyDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
