import KurentoRuntime
import KurentoServer
import Testing

/// `release`, `ref`/`unref`, `keepAlive`, `closeSession`: holders as Kurento's MediaSet keeps them.
@Suite struct ReleaseAndSessionTests {
    static let manager = "manager_ServerManager"

    @Test func releasingAPipelineReleasesItsChildren() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let feed = try await s.element("demo.CaptionFeed", in: pipeline)
        let hub = try await s.element("Composite", in: pipeline)
        let port = try await s.create("HubPort", ["hub": .string(hub)])
        try await s.invoke(feed, "connect", ["sink": .string(stage)])
        try s.subscribe(stage, "CaptionShown")
        try s.subscribe(Self.manager, "ObjectDestroyed")
        #expect(server.dispatcher.registry.count == 6)

        await s.release(pipeline)
        #expect(server.dispatcher.registry.ids == [Self.manager])
        #expect(server.dispatcher.registry.invariantViolations().isEmpty)
        // Only the manager's subscription is left.
        #expect(server.dispatcher.subscriptionCount == 1)
        let destroyed = s.events.of(type: "ObjectDestroyed").compactMap { $0.data["objectId"]?.stringValue }
        #expect(Set(destroyed) == [pipeline, stage, feed, hub, port] && destroyed.count == 5)
        // A port goes before its hub, every child before the pipeline.
        #expect(destroyed.firstIndex(of: port)! < destroyed.firstIndex(of: hub)!)
        #expect(destroyed.last == pipeline)

        for id in [pipeline, stage, port] {
            await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", "Object '\(id)' not found") { try await s.invoke(id, "getName") }
        }
        // Releasing again, or an unknown object, is fine.
        await s.release(pipeline)
        await s.release("no-such-object")
    }

    @Test func releasingAnElementLeavesItsPipeline() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let feed = try await s.element("demo.CaptionFeed", in: pipeline)
        await s.release(stage)
        #expect(try await s.invoke(pipeline, "getChildren") == [.string(feed)])
        #expect(server.dispatcher.registry.invariantViolations().isEmpty)
    }

    @Test func aSessionHoldingAnElementHoldsItsPipeline() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server)
        let pipeline = try await a.pipeline()
        let stage = try await a.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let registry = server.dispatcher.registry

        // b uses the element: b holds it, and its pipeline.
        try await b.invoke(stage, "getStageName")
        #expect(registry.holders(of: stage) == [a.id, b.id])
        #expect(registry.holders(of: pipeline) == [a.id, b.id])

        // a lets go of the pipeline (and so of its children): b keeps both alive.
        await a.dispatcher.unref(pipeline, session: a.id)
        #expect(registry.holders(of: pipeline) == [b.id])
        #expect(registry.holders(of: stage) == [b.id])
        #expect(try await b.invoke(stage, "getStageName") == "main")

        // b closes its session without releasing: nobody holds them, they go.
        await b.dispatcher.closeSession(b.id, release: false)
        #expect(registry.ids == [Self.manager])
        #expect(registry.invariantViolations().isEmpty)
    }

    @Test func describeAndSubscribeMakeTheSessionAHolder() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server), c = TestSession(server)
        let pipeline = try await a.pipeline()
        let stage = try await a.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        _ = try b.describe(stage)
        try c.subscribe(stage, "CaptionShown")
        #expect(server.dispatcher.registry.holders(of: stage) == [a.id, b.id, c.id])
        #expect(server.dispatcher.registry.holders(of: pipeline) == [a.id, b.id, c.id])
        // A failed subscription holds nothing.
        let d = TestSession(server)
        #expect(throws: KurentoError.self) { try d.subscribe(stage, "EndOfStream") }
        #expect(!server.dispatcher.registry.holders(of: stage).contains(d.id))
    }

    @Test func sessionsHoldingAPipelineHoldItsNewElements() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server)
        let registry = server.dispatcher.registry
        let pipeline = try await a.pipeline()
        try a.dispatcher.ref(pipeline, session: b.id)
        // Created by a: held by a and by b, which holds the pipeline.
        let feed = try await a.element("demo.CaptionFeed", in: pipeline)
        #expect(registry.holders(of: feed) == [a.id, b.id])

        // A third session creating an element in the pipeline holds the pipeline too.
        let c = TestSession(server)
        let stage = try await c.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        #expect(registry.holders(of: stage) == [a.id, b.id, c.id])
        #expect(registry.holders(of: pipeline) == [a.id, b.id, c.id])

        await a.dispatcher.closeSession(a.id, release: false)
        await b.dispatcher.unref(pipeline, session: b.id)
        // c still holds the pipeline and its stage; nobody holds the feed any more.
        #expect(registry.ids == [Self.manager, pipeline, stage].sorted())
        #expect(registry.invariantViolations().isEmpty)
        await c.dispatcher.unref(stage, session: c.id)
        #expect(registry.ids == [Self.manager, pipeline].sorted())
        await c.dispatcher.unref(pipeline, session: c.id)
        #expect(registry.ids == [Self.manager])
    }

    @Test func unrefDropsTheSessionsSubscriptions() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server)
        let pipeline = try await a.pipeline()
        let stage = try await a.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        try a.subscribe(stage, "CaptionShown")
        try b.subscribe(stage, "CaptionShown")
        try a.dispatcher.ref(stage, session: b.id)
        await a.dispatcher.unref(pipeline, session: a.id)   // a unrefs the pipeline and its stage
        try await b.invoke(stage, "showText", ["text": "still here"])
        #expect(a.events.all.isEmpty)
        #expect(b.events.all.count == 1)
        #expect(server.dispatcher.subscriptionCount == 1)
    }

    @Test func closingASessionWithReleaseReleasesItsObjectsForEveryone() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server)
        let pipeline = try await a.pipeline()
        _ = try await a.element("demo.CaptionFeed", in: pipeline)
        try b.dispatcher.ref(pipeline, session: b.id)
        try a.subscribe(pipeline, "Error")
        await a.dispatcher.closeSession(a.id, release: true)
        #expect(server.dispatcher.registry.ids == [Self.manager])
        #expect(server.dispatcher.subscriptionCount == 0)
        #expect(!server.dispatcher.sessionIDs.contains(a.id))
        await expectKurentoError(40007, "INVALID_SESSION") { try a.dispatcher.keepAlive(session: a.id) }
    }

    @Test func theServerManagerIsNeverReleased() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        try await s.invoke(Self.manager, "getInfo")   // s holds the manager now
        await s.release(Self.manager)
        await s.dispatcher.unref(Self.manager, session: s.id)
        try await s.invoke(Self.manager, "getInfo")
        await s.dispatcher.closeSession(s.id, release: true)
        #expect(server.dispatcher.registry.ids == [Self.manager])
        let other = TestSession(server)
        #expect(try await other.invoke(Self.manager, "getId") == .string(Self.manager))
        await other.dispatcher.closeSession(other.id, release: false)
        #expect(server.dispatcher.registry.ids == [Self.manager])
    }

    @Test func keepAliveAndRef() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        try s.dispatcher.keepAlive(session: s.id)
        await expectKurentoError(40007, "INVALID_SESSION") { try s.dispatcher.keepAlive(session: "unknown-session") }
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", "Object 'nothing' not found") {
            try s.dispatcher.ref("nothing", session: s.id)
        }
        // unref of an unknown object is fine.
        await s.dispatcher.unref("nothing", session: s.id)
    }
}
