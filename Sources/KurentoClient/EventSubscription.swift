import Foundation
import KurentoRuntime

/// One `subscribe`: the `data` of each event, in order, until the subscription ends — by `cancel()`, when
/// the stream's iterator goes away, when the object is released through this client, or when the session is
/// lost (the stream then throws `KurentoClientError.sessionLost`).
public final class EventSubscription: AsyncSequence, Sendable {
    public typealias Element = JSON

    let client: KurentoClient
    let key: UUID
    /// The object whose events these are.
    public let object: String
    /// The event type (`ElementConnected`).
    public let type: String
    /// The server's subscription id.
    public let id: String
    private let stream: AsyncThrowingStream<JSON, any Error>

    init(client: KurentoClient, key: UUID, object: String, type: String, id: String, stream: AsyncThrowingStream<JSON, any Error>) {
        self.client = client
        self.key = key
        self.object = object
        self.type = type
        self.id = id
        self.stream = stream
    }

    public func makeAsyncIterator() -> AsyncThrowingStream<JSON, any Error>.AsyncIterator {
        stream.makeAsyncIterator()
    }

    /// Unsubscribes; the stream finishes.
    public func cancel() async throws {
        try await client.unsubscribe(self)
    }
}
