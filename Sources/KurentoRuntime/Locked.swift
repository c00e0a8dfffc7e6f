#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a lock, with `Synchronization.Mutex`'s `withLock`, on a pthread mutex.
///
/// The runtime's shared state (objects, subscriptions, sessions, modules) and the platform implementations use
/// this rather than `Mutex`: on Linux, `Mutex` hands a contended lock over through priority-inheritance futexes,
/// which the thread sanitizer cannot see — it then reports races inside the lock, so `make test-runtime-tsan`
/// could not tell real races from these — and every contended lock costs system calls
/// (swiftlang/swift#88440). The sanitizer intercepts pthread mutexes, and glibc's spin a little before sleeping.
public struct Locked<Value>: @unchecked Sendable {
    private final class Storage: ManagedBuffer<Value, pthread_mutex_t> {
        deinit {
            _ = withUnsafeMutablePointerToElements { pthread_mutex_destroy($0) }
        }
    }

    private let storage: Storage

    public init(_ value: Value) {
        let buffer = Storage.create(minimumCapacity: 1) { _ in value }
        // `create` returns the base class type; the instance is a `Storage`.
        storage = unsafeDowncast(buffer, to: Storage.self)
        _ = storage.withUnsafeMutablePointerToElements { pthread_mutex_init($0, nil) }
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        try storage.withUnsafeMutablePointers { (value, mutex) throws(E) -> Result in
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body(&value.pointee)
        }
    }
}
