import KurentoRuntime

/// A request sent (or waiting to be sent) and not yet answered.
struct PendingRequest {
    let method: String
    /// The whole frame, kept to be sent again on a new connection of the same session.
    let text: String
    /// `ping` and `connect` belong to one connection: they go out before the session is resumed and are
    /// never sent again.
    let isControl: Bool
    /// Who waits for the `result` object; nil for a request nobody waits for.
    let continuation: CheckedContinuation<JSON, any Error>?
    /// The connection (by generation) the frame was last written to.
    var sentOn: Int?
    var timeout: Task<Void, Never>?

    func finish(_ result: Result<JSON, any Error>) {
        timeout?.cancel()
        continuation?.resume(with: result)
    }
}
