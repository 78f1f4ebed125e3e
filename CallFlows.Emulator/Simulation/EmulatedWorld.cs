using System.Collections.Concurrent;

namespace CallFlows.Emulator.Simulation;

/// <summary>
/// The simulated world around the resource: how each phone number and ACS user behaves, which numbers and users the
/// resource owns, and the rooms, group calls and server calls that exist for Connect.
/// </summary>
public sealed class EmulatedWorld
{
    private readonly ConcurrentDictionary<string, IdentityBehavior> _behaviors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _ownedNumbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _ownedUsers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan?> _mediaFiles = new(StringComparer.Ordinal);
    private readonly string _resourceUserPrefix;
    private CallEngine? _engine;

    internal EmulatedWorld(AcsEmulatorOptions options)
    {
        DefaultBehavior = options.DefaultBehavior;
        _resourceUserPrefix = $"8:acs:{options.ResourceId:D}_";
        foreach (var number in options.OwnedPhoneNumbers)
        {
            AddOwnedPhoneNumber(number);
        }

        foreach (var user in options.OwnedUsers)
        {
            AddOwnedUser(user);
        }
    }

    /// <summary>Behaviour of every identity without its own configuration. Starts as <see cref="AcsEmulatorOptions.DefaultBehavior"/>.</summary>
    public IdentityBehavior DefaultBehavior { get; set; }

    /// <summary>The phone numbers the resource owns, as raw ids (<c>4:+1...</c>).</summary>
    public IReadOnlyCollection<string> OwnedPhoneNumbers => _ownedNumbers.Keys.ToList();

    /// <summary>Sets how <paramref name="identity"/> behaves from now on.</summary>
    /// <param name="identity">A raw id (<c>4:+15551234567</c>, <c>8:acs:...</c>) or an E.164 number (<c>+15551234567</c>).</param>
    /// <param name="behavior">The behaviour.</param>
    public void Configure(string identity, IdentityBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        _behaviors[WireIdentifier.Normalize(identity)] = behavior;
    }

    /// <summary>Returns the behaviour that applies to <paramref name="identity"/> (its own or the default).</summary>
    /// <param name="identity">A raw id or an E.164 number.</param>
    public IdentityBehavior BehaviorOf(string identity) =>
        _behaviors.TryGetValue(WireIdentifier.Normalize(identity), out var behavior) ? behavior : DefaultBehavior;

    /// <summary>Adds a phone number the resource owns (calls to it raise IncomingCall; it may be used as caller id).</summary>
    /// <param name="phoneNumber">E.164 number, with or without the <c>4:</c> prefix.</param>
    public void AddOwnedPhoneNumber(string phoneNumber)
    {
        var rawId = WireIdentifier.Normalize(phoneNumber);
        if (!WireIdentifier.IsPhone(rawId) || !WireIdentifier.IsE164(rawId[2..]))
        {
            throw new ArgumentException($"'{phoneNumber}' is not an E.164 phone number.", nameof(phoneNumber));
        }

        _ownedNumbers[rawId] = 0;
    }

    /// <summary>Adds an ACS user of the resource (calls to it raise IncomingCall).</summary>
    /// <param name="rawId">The user's raw id (<c>8:acs:...</c>).</param>
    public void AddOwnedUser(string rawId) => _ownedUsers[WireIdentifier.Normalize(rawId)] = 0;

    /// <summary>Whether <paramref name="identity"/> belongs to the resource: an owned number, a listed user, or any <c>8:acs:{ResourceId}_...</c> user.</summary>
    /// <param name="identity">A raw id or an E.164 number.</param>
    public bool IsOwned(string identity)
    {
        var rawId = WireIdentifier.Normalize(identity);
        return _ownedNumbers.ContainsKey(rawId) || _ownedUsers.ContainsKey(rawId)
            || rawId.StartsWith(_resourceUserPrefix, StringComparison.Ordinal);
    }

    /// <summary>Sets how long an audio file plays when the application plays it (a file not configured plays <see cref="AcsEmulatorOptions.DefaultFilePromptDuration"/>).</summary>
    /// <param name="fileUri">The file's URL as the application sends it.</param>
    /// <param name="duration">How long it plays.</param>
    public void ConfigureMediaFile(Uri fileUri, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(fileUri);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _mediaFiles[fileUri.AbsoluteUri] = duration;
    }

    /// <summary>Makes an audio file unreachable: playing it fails with PlayFailed 400/8536 (a host ending in <c>.invalid</c> is always unreachable).</summary>
    /// <param name="fileUri">The file's URL as the application sends it.</param>
    public void MarkMediaFileUnreachable(Uri fileUri)
    {
        ArgumentNullException.ThrowIfNull(fileUri);
        _mediaFiles[fileUri.AbsoluteUri] = null;
    }

    /// <summary>Whether a file can be downloaded, and its configured duration if any.</summary>
    internal (bool Reachable, TimeSpan? Duration) MediaFileOf(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return (false, null);
        }

        return _mediaFiles.TryGetValue(parsed.AbsoluteUri, out var duration) ? (duration is not null, duration) : (true, null);
    }

    /// <summary>Creates (or replaces the members of) a room that Connect with a roomCallLocator can join.</summary>
    /// <param name="roomId">The room id.</param>
    /// <param name="participants">People already in the room's call (raw ids or E.164 numbers).</param>
    /// <returns>The server call id of the room's call.</returns>
    public string CreateRoom(string roomId, params string[] participants) => Engine.CreateNamedCall(SimCallKind.Room, roomId, participants);

    /// <summary>Creates (or replaces the members of) a group call that Connect with a groupCallLocator can join.</summary>
    /// <param name="groupCallId">The group call id.</param>
    /// <param name="participants">People already in the group call.</param>
    /// <returns>The server call id of the group call.</returns>
    public string CreateGroupCall(string groupCallId, params string[] participants) => Engine.CreateNamedCall(SimCallKind.Group, groupCallId, participants);

    /// <summary>Creates a call that Connect with a serverCallLocator can join (e.g. a call the app is not part of yet).</summary>
    /// <param name="participants">People in the call.</param>
    /// <returns>The new server call id.</returns>
    public string CreateServerCall(params string[] participants) => Engine.CreateNamedCall(SimCallKind.Server, null, participants);

    internal CallEngine Engine
    {
        get => _engine ?? throw new InvalidOperationException("The emulator has not started.");
        set => _engine = value;
    }
}
