namespace CallFlows.Emulator.Simulation;

/// <summary>What a simulated caller does when the application plays a prompt or listens (see <see cref="CallerInput"/>).</summary>
public enum CallerInputKind
{
    /// <summary>Presses keys.</summary>
    Keys,

    /// <summary>Says a phrase (recognized with the given confidence).</summary>
    Speech,

    /// <summary>Says something that cannot be recognized (RecognizeFailed 400/8563 for speech).</summary>
    Unintelligible,

    /// <summary>Stays silent (RecognizeFailed 400/8510 after the initial silence timeout).</summary>
    Silence,

    /// <summary>Hangs up.</summary>
    HangUp,
}
