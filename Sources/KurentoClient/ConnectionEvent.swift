import KurentoRuntime

/// What happened to a client's connection, for apps that watch it (`KurentoClient.connectionEvents()`).
public enum ConnectionEvent: Sendable, Hashable {
    /// The connection dropped; the client is reconnecting.
    case disconnected
    /// A new connection is open and the session goes on: objects and subscriptions are kept.
    case reconnected(sessionID: String)
    /// A new connection is open but the server no longer knows the session (INVALID_SESSION): its objects
    /// and subscriptions are gone, event streams ended with `KurentoClientError.sessionLost`. Later requests
    /// use a new session.
    case sessionLost(KurentoError)
    /// The client closed, by `close()` or after giving up reconnecting.
    case closed
}
