namespace CallFlows.Runtime.Protocol;

/// <summary>What a <see cref="RecognizeInput"/> listens for.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum RecognizeKind
{
    /// <summary>Keys.</summary>
    Dtmf,

    /// <summary>Free speech.</summary>
    Speech,

    /// <summary>Labelled choices by key or phrase.</summary>
    Choices,
}
