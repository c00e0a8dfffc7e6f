import KurentoRuntime
import KurentoServer
import Testing

/// Released objects are freed: nothing the runtime or the implementations keep refers to them any more.
@Suite struct MemoryTests {
    final class Weak: @unchecked Sendable {
        weak var object: AnyObject?
        init(_ object: AnyObject?) { self.object = object }
    }

    @Test func releasedObjectsAreDeallocated() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        var refs: [Weak] = []
        for round in 0..<2 {
            let pipeline = try await s.pipeline()
            let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
            let feed = try await s.element("demo.CaptionFeed", in: pipeline)
            let pass = try await s.element("PassThrough", in: pipeline)
            try s.subscribe(stage, "CaptionShown")
            try await s.invoke(pass, "connect", ["sink": .string(stage)])
            try await s.invoke(stage, "linkFeed", ["feed": .string(feed)])
            try await s.invoke(feed, "push", ["caption": ["text": "x"]])
            for id in [pipeline, stage, feed, pass] {
                refs.append(Weak(server.dispatcher.registry.object(withID: id)))
                refs.append(Weak(server.dispatcher.registry.object(withID: id)?.objectContext))
            }
            if round == 0 { await s.release(pipeline) } else { await s.dispatcher.closeSession(s.id, release: false) }
        }
        #expect(refs.allSatisfy { $0.object == nil }, "\(refs.filter { $0.object != nil }.count) objects left alive")
    }
}
