import Synchronization

/// A value delivered once to one waiter; later deliveries are ignored.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, any Error>)
        case done(Result<Value, any Error>)
    }

    private let state = Mutex<State>(.empty)

    /// Delivers a value; false when something was delivered before.
    @discardableResult func succeed(_ value: Value) -> Bool { deliver(.success(value)) }
    /// Delivers an error; false when something was delivered before.
    @discardableResult func fail(_ error: any Error) -> Bool { deliver(.failure(error)) }

    private func deliver(_ result: Result<Value, any Error>) -> Bool {
        let (first, waiter): (Bool, CheckedContinuation<Value, any Error>?) = state.withLock { state in
            switch state {
            case .empty:
                state = .done(result)
                return (true, nil)
            case .waiting(let c):
                state = .done(result)
                return (true, c)
            case .done:
                return (false, nil)
            }
        }
        waiter?.resume(with: result)
        return first
    }

    func wait() async throws -> Value {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Value, any Error>) in
            let ready: Result<Value, any Error>? = state.withLock { state in
                if case .done(let r) = state { return r }
                state = .waiting(c)
                return nil
            }
            if let ready { c.resume(with: ready) }
        }
    }
}
