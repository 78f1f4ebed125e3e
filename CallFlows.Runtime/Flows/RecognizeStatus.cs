namespace CallFlows.Runtime;

/// <summary>How a recognize (or an <see cref="CallFlowCall.AskAsync"/>) ended.</summary>
public enum RecognizeStatus
{
    /// <summary>The caller answered: digits, a menu choice or speech.</summary>
    Recognized,

    /// <summary>The caller said or pressed nothing in time (ACS 8510 initial silence, 8532 inter-tone timeout).</summary>
    NoInput,

    /// <summary>The caller answered something that is not on the menu (a key not offered, 8534/8547, or speech not recognized 8563).</summary>
    InvalidInput,

    /// <summary>The recognize could not run: refused (e.g. 405/8522 without a Cognitive Services endpoint), a prompt that failed (8511), or canceled.</summary>
    Failed,

    /// <summary>No outcome event arrived within the flow's timeout.</summary>
    TimedOut,
}
