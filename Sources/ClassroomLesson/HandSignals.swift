import KurentoClassroomClient
import KurentoClient
import KurentoRuntime

/// The `HandRaised` and `HandLowered` events of every student, merged into one queue in arrival order, as the
/// teacher's application listens to them.
final class HandSignals: Sendable {
    enum Signal: Sendable {
        case raised(HandRaisedEvent)
        case lowered(HandLoweredEvent)
    }

    private let timeout: Duration
    private let signals: AsyncThrowingStream<Signal, any Error>
    private let continuation: AsyncThrowingStream<Signal, any Error>.Continuation
    private let forwarders = Locked<[Task<Void, Never>]>([])
    private let subscriptions = Locked<[@Sendable () async throws -> Void]>([])

    init(timeout: Duration) {
        self.timeout = timeout
        (signals, continuation) = AsyncThrowingStream.makeStream()
    }

    /// Subscribes to `endpoint`'s hand events (before this returns, so nothing raised later is missed).
    func watch(_ endpoint: LiveEndpoint) async throws {
        let raised = try await endpoint.subscribe(HandRaisedEvent.self)
        let lowered = try await endpoint.subscribe(HandLoweredEvent.self)
        subscriptions.withLock { $0 += [raised.cancel, lowered.cancel] }
        let continuation = continuation
        forwarders.withLock {
            $0.append(Task {
                do { for try await event in raised { continuation.yield(.raised(event)) } } catch { continuation.finish(throwing: error) }
            })
            $0.append(Task {
                do { for try await event in lowered { continuation.yield(.lowered(event)) } } catch { continuation.finish(throwing: error) }
            })
        }
    }

    func nextRaised() async throws -> HandRaisedEvent {
        guard case .raised(let event) = try await next() else { throw LessonError(description: "expected HandRaised, got HandLowered") }
        return event
    }

    func nextLowered() async throws -> HandLoweredEvent {
        guard case .lowered(let event) = try await next() else { throw LessonError(description: "expected HandLowered, got HandRaised") }
        return event
    }

    /// The next signal, or a failure after the timeout.
    private func next() async throws -> Signal {
        let signals = signals
        let timeout = timeout
        return try await withThrowingTaskGroup(of: Signal?.self) { group in
            group.addTask {
                var iterator = signals.makeAsyncIterator()
                return try await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw LessonError(description: "no hand event within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let signal = try await group.next() ?? nil else { throw LessonError(description: "the event stream ended") }
            return signal
        }
    }

    /// Unsubscribes from everything.
    func stop() async throws {
        forwarders.withLock { $0 }.forEach { $0.cancel() }
        continuation.finish()
        var failure: (any Error)?
        for cancel in subscriptions.withLock({ $0 }) {
            do { try await cancel() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }
}
