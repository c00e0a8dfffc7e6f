extension DiagnosticID {
    /// True for the kinds of API change `kidlc diff` reports (7xx). They are facts, not problems: their
    /// default severity is `note`, and an `APIChange` says whom they break.
    public var isAPIChange: Bool { rawValue.hasPrefix("KIDL7") }
}
