import KurentoRuntime

/// A failure on the client's side of the protocol: no answer in time, a connection that went away, a session
/// the server no longer knows. Errors the server answers with are `KurentoError`s (code, message and
/// `data.type` as sent).
public struct KurentoClientError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The server did not answer within the request's timeout.
        case requestTimeout = "REQUEST_TIMEOUT"
        /// The connection closed before the answer came, or the client was closed.
        case connectionClosed = "CONNECTION_CLOSED"
        /// After a reconnection the server did not know the session any more (INVALID_SESSION): its objects
        /// and subscriptions are gone.
        case sessionLost = "SESSION_LOST"
        /// The server's answer is not a JSON-RPC response the client can use.
        case invalidResponse = "INVALID_RESPONSE"
        /// A transaction's result was read before the transaction was committed, or committed twice.
        case transactionState = "TRANSACTION_STATE"
        /// The server stopped a transaction at an earlier failing operation and did not execute this one.
        case notExecuted = "COMMAND_NOT_EXECUTED"
    }

    public var kind: Kind
    public var message: String
    /// The server's error behind this one (`INVALID_SESSION` for `sessionLost`).
    public var serverError: KurentoError?

    public init(_ kind: Kind, _ message: String, serverError: KurentoError? = nil) {
        self.kind = kind
        self.message = message
        self.serverError = serverError
    }

    /// The symbolic name, as `KurentoError.type` is for server errors.
    public var type: String { kind.rawValue }

    public var description: String { "\(type): \(message)" }

    static func timeout(_ method: String, after duration: Duration) -> Self {
        .init(.requestTimeout, "Request has timed out: '\(method)' got no answer in \(duration)")
    }

    static func closed(_ detail: String = "the connection to the server closed") -> Self {
        .init(.connectionClosed, detail)
    }
}
