/// One difference between two versions of a module's API, with whom it breaks: clients (code that calls the
/// module: creates objects, calls methods, reads properties, subscribes to events) and implementers (code that
/// implements the generated Swift server protocols). A change that breaks neither is compatible.
public struct APIChange: Hashable, Sendable, CustomStringConvertible {
    /// The kind of change (`KIDL7xx`, see `kidlc explain`).
    public var id: DiagnosticID
    /// One line: what changed, in which declaration.
    public var message: String
    /// Where the change is in NEW, or in OLD for what was removed.
    public var location: SourceLocation?
    public var breaksClients: Bool
    public var breaksImplementers: Bool

    public init(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, clients: Bool, implementers: Bool) {
        self.id = id
        self.message = message
        self.location = location
        self.breaksClients = clients
        self.breaksImplementers = implementers
    }

    public var isBreaking: Bool { breaksClients || breaksImplementers }

    /// `breaking` or `compatible`.
    public var classification: String { isBreaking ? "breaking" : "compatible" }

    /// Whom it breaks, as shown after the message: `clients`, `implementers` or `clients, implementers`.
    public var affected: String {
        [breaksClients ? "clients" : nil, breaksImplementers ? "implementers" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    /// `path:line:col: breaking: message (clients) [KIDL721]`, the form of diagnostics.
    public var description: String {
        let place = location.map { "\($0): " } ?? "kidlc: "
        let whom = isBreaking ? " (\(affected))" : ""
        return "\(place)\(classification): \(message)\(whom) [\(id.rawValue)]"
    }

    /// Sorted by place, then id and message: output never depends on the order of comparison.
    static func sorted(_ changes: [APIChange]) -> [APIChange] {
        changes.sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): break
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): if x != y { return x < y }
            }
            if a.id != b.id { return a.id < b.id }
            return a.message < b.message
        }
    }
}
