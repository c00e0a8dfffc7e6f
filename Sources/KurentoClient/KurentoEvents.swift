import KurentoRuntime

/// The events of one type raised by one object, as an `AsyncSequence` that subscribes when iteration starts
/// (the first `next()`) and unsubscribes when the iteration ends (its iterator goes away, or the task is
/// cancelled). To be sure to see events of something done right after, subscribe first with
/// `KurentoProxy.subscribe(_:)`.
public struct KurentoEvents<Event: KurentoEventDecodable>: AsyncSequence, Sendable {
    public typealias Element = Event
    let object: KurentoProxy

    public func makeAsyncIterator() -> Iterator { Iterator(object: object) }

    public struct Iterator: AsyncIteratorProtocol {
        let object: KurentoProxy
        var subscription: EventSubscription?
        var events: AsyncThrowingStream<JSON, any Error>.AsyncIterator?

        public mutating func next() async throws -> Event? {
            if events == nil {
                let subscription = try await object.client.subscribe(object.id, Event.eventType)
                self.subscription = subscription
                events = subscription.makeAsyncIterator()
            }
            guard let data = try await events?.next() else { return nil }
            return try Event.decode(data)
        }
    }
}

/// The events of one type raised by one object, subscribed already (`KurentoProxy.subscribe(_:)`). The
/// subscription ends with `cancel()`, or when the stream and its iterators go away.
public struct KurentoEventStream<Event: KurentoEventDecodable>: AsyncSequence, Sendable {
    public typealias Element = Event
    public let subscription: EventSubscription

    public func makeAsyncIterator() -> Iterator { Iterator(subscription: subscription, events: subscription.makeAsyncIterator()) }

    /// Unsubscribes; iteration ends.
    public func cancel() async throws { try await subscription.cancel() }

    public struct Iterator: AsyncIteratorProtocol {
        let subscription: EventSubscription
        var events: AsyncThrowingStream<JSON, any Error>.AsyncIterator

        public mutating func next() async throws -> Event? {
            guard let data = try await events.next() else { return nil }
            return try Event.decode(data)
        }
    }
}
