import KurentoIDL

/// Problems in a `kidlc.yaml` file or in how the settings combine: each with the place in the file when
/// there is one. All problems of a file are reported together.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }

        /// `kidlc.yaml:3:1: error: message`, or `kidlc: error: message` without a place.
        public var description: String {
            (location.map { "\($0): " } ?? "kidlc: ") + "error: " + message
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.problems = [Problem(message, at: location)]
    }

    /// One line per problem.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
