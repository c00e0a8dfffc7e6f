@testable import KurentoRuntime
import Testing

/// The duplicate-request cache on its own: entries expire, and expired ones are dropped as new ones are stored
/// (the table holds only what the lifetime covers, however many requests came before).
@Suite struct DuplicateRequestCacheTests {
    @Test func entriesExpireAndAreDropped() async throws {
        let cache = DuplicateRequestCache(lifetime: .milliseconds(100))
        for id in 0..<3000 { cache.store(#"{"n":\#(id)}"#, session: "s", id: .int(Int64(id))) }
        #expect(cache.response(session: "s", id: 2999) == #"{"n":2999}"#)
        #expect(cache.response(session: "t", id: 2999) == nil, "keyed by session")
        #expect(cache.count == 3000)
        try await Task.sleep(for: .milliseconds(150))
        #expect(cache.response(session: "s", id: 5) == nil, "expired")
        cache.store(#"{"n":"new"}"#, session: "s", id: 5)
        #expect(cache.count == 1, "expired entries are dropped when a new one is stored")
        #expect(cache.response(session: "s", id: 5) == #"{"n":"new"}"#)
    }
}
