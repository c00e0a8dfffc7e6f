import KurentoClient
import KurentoDemoClient
import KurentoDemoServer
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// The generated client of the demo plugin (`idl/demo`, Generated/swift-client/KurentoDemoClient) drives a server
/// running the generated demo server code (Generated/swift-server/KurentoDemo, implemented by KurentoDemoServer)
/// over a real loopback socket: every construct of the kmd format crosses the wire both ways.
@Suite struct DemoEndToEndTests {
    static let ana = Speaker(id: "ana", displayName: "Ana", role: .host, attributes: ["pronouns": "she/her"])
    static let bo = Speaker(id: "bo", displayName: "Bo", role: .guest, attributes: [:])

    /// Runs `body` with a client of a server serving the platform and demo modules, and a pipeline.
    private func withDemo(_ body: @Sendable (KurentoClient, MediaPipeline) async throws -> Void) async throws {
        try await LoopbackServer.run(modules: [DemoPlugin.module]) { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            try await body(client, pipeline)
            await client.close()
        }
    }

    @Test func constructorRecordsEnumsMapsAndDefaults() async throws {
        try await withDemo { _, pipeline in
            let stage = try await StageFilter.create(pipeline.client, mediaPipeline: pipeline, stageName: "Main hall",
                                                     detectionMode: .accurate, captionMargin: Point(x: 4, y: 8),
                                                     speakers: [Self.ana], roleColors: ["HOST": "#FF0000"])
            #expect(stage.id.hasPrefix(pipeline.id + "/"))
            #expect(stage.id.hasSuffix("_demo.StageFilter"))
            // Read-only properties from constructor params; the kmd defaults filled in by the server.
            #expect(try await stage.getStageName() == "Main hall")
            let style = try await stage.getCaptionStyle()
            #expect(style.margin == Point(x: 4, y: 8))
            #expect(style.anchor == .bottom)
            #expect(try await stage.getDetectionMode() == .accurate)
            #expect(try await stage.getRoleColors() == ["HOST": "#FF0000"])
            #expect(try await stage.getSpeakers() == [Self.ana])
            // Inherited from the abstract demo.OverlayBase and from core.MediaObject.
            #expect(try await stage.getOverlayEnabled())
            #expect(try await stage.getMediaPipeline() == pipeline)
            // Objects come back as typed proxies of the right generated class.
            let children = try await pipeline.getChildren()
            #expect(children.count == 1)
            #expect(children.first is StageFilter)
            #expect(children.first?.id == stage.id)
        }
    }

    @Test func readWritePropertiesRoundTrip() async throws {
        try await withDemo { client, pipeline in
            let stage = try await StageFilter.create(client, mediaPipeline: pipeline, stageName: "s")
            let style = CaptionStyle(fontFamily: "Serif", fontSize: 30, bold: true, opacity: 0.5, anchor: .top,
                                     margin: Point(x: 1, y: 2))
            try await stage.setCaptionStyle(style)
            #expect(try await stage.getCaptionStyle() == style)
            try await stage.setDetectionMode(.off)
            #expect(try await stage.getDetectionMode() == .off)
            try await stage.setFaceThreshold(3)
            #expect(try await stage.getFaceThreshold() == 3)
            try await stage.setRoleColors(["GUEST": "#00FF00", "AUDIENCE": "#0000FF"])
            #expect(try await stage.getRoleColors() == ["GUEST": "#00FF00", "AUDIENCE": "#0000FF"])
            try await stage.setOverlayEnabled(false)
            #expect(try await stage.getOverlayEnabled() == false)

            let logo = try await LogoOverlay.create(client, mediaPipeline: pipeline, imageUri: "file:///logo.png",
                                                    position: Point(x: 10, y: 20))
            try await logo.setPosition(Point(x: -5, y: 0))
            #expect(try await logo.getPosition() == Point(x: -5, y: 0))
            try await logo.replaceImage(imageUri: "https://example.org/new.png")
            #expect(try await logo.getImageUri() == "https://example.org/new.png")
            #expect(try await logo.getOverlayCount() == 1)
            try await logo.clearOverlays()
            #expect(try await logo.getOverlayCount() == 0)
        }
    }

    @Test func methodsWithRecordsArraysMapsAndOptionalParams() async throws {
        try await withDemo { client, pipeline in
            let stage = try await StageFilter.create(client, mediaPipeline: pipeline, stageName: "s", maxCaptions: 2,
                                                     detectionMode: .fast)
            try await stage.addSpeaker(speaker: Self.ana)
            try await stage.addSpeaker(speaker: Self.bo)
            let first = try await stage.showText(text: "Welcome", speakerId: "ana")
            let second = try await stage.showCaption(caption: Caption(text: "Hi", speaker: Self.bo, style: nil,
                                                                     durationMillis: 1500, keywords: ["greeting"]))
            #expect(first != second)
            #expect(try await stage.hideCaption(captionId: first))
            #expect(try await stage.hideCaption(captionId: first) == false)
            // Optional params left out take the kmd defaults on the server; given ones filter.
            #expect(try await stage.getCaptionHistory().map(\.text) == ["Hi", "Welcome"])
            #expect(try await stage.getCaptionHistory(limit: 1).map(\.text) == ["Hi"])
            #expect(try await stage.getCaptionHistory(speakerId: "ana").map(\.speaker) == [Self.ana])
            #expect(try await stage.getCaptionCounts() == ["ana": 1, "bo": 1])

            #expect(try await stage.measureLatency(samples: 3) == 4.0)
            #expect(try await stage.getProcessedFrames() == 3)
            let faces = try await stage.listFaces()
            #expect(faces.map(\.speakerId) == ["ana", "bo"])
            #expect(faces.first?.labels == ["smiling"])
            #expect(try await stage.countFacesByRole() == ["HOST": 1, "GUEST": 1])
            #expect(try await stage.locateSpeaker(speakerId: "bo") == Box(origin: Point(x: 100, y: 40), width: 80, height: 96))
            #expect(try await stage.removeSpeaker(speakerId: "bo"))
            #expect(try await stage.getSpeakers() == [Self.ana])
        }
    }

    @Test func typedEventsThenUnsubscribe() async throws {
        try await withDemo { client, pipeline in
            let stage = try await StageFilter.create(client, mediaPipeline: pipeline, stageName: "s", maxCaptions: 1,
                                                     speakers: [Self.ana])
            let shown = try await stage.subscribe(CaptionShownEvent.self)
            let expired = try await stage.subscribe(CaptionExpiredEvent.self)
            let id = try await stage.showText(text: "One", speakerId: "ana", anchor: .center)
            let event = try await first(of: shown)
            #expect(event.captionId == id)
            #expect(event.caption.text == "One")
            #expect(event.caption.speaker == Self.ana)
            #expect(event.anchor == .center)
            #expect(event.source == stage.reference)
            #expect(event.type == "CaptionShown")
            // maxCaptions 1: the next caption pushes the first out.
            _ = try await stage.showText(text: "Two")
            let gone = try await first(of: expired)
            #expect(gone.captionId == id)
            #expect(gone.shownMillis >= 0)

            // Events declared on the class, raised with inherited event properties, through a lazy sequence.
            let faces = Task { try await first(of: stage.facesDetected) }
            while await client.subscriptionCount < 3 { try await Task.sleep(for: .milliseconds(5)) }
            _ = try await stage.measureLatency(samples: 1)
            let detected = try await faces.value
            #expect(detected.count == 1)
            #expect(detected.faces.first?.speakerId == "ana")

            // Unsubscribed: the server no longer sends them, the client no longer holds them.
            try await shown.cancel()
            try await expired.cancel()
            for _ in 0..<400 where await client.subscriptionCount > 0 { try await Task.sleep(for: .milliseconds(5)) }
            #expect(await client.subscriptionCount == 0)
        }
    }

    @Test func remoteObjectParamsAndATransactionWithNewRefs() async throws {
        try await withDemo { client, pipeline in
            let tx = client.beginTransaction()
            let stage = StageFilter.create(tx, mediaPipeline: pipeline, stageName: "tx", speakers: [Self.bo])
            let feed = CaptionFeed.create(tx, mediaPipeline: pipeline, language: "en")
            #expect(stage.id == "newref:0")
            #expect(feed.id == "newref:1")
            let pushed = feed.pushAll(tx, captions: [Caption(text: "queued", speaker: nil, style: nil, durationMillis: 1000, keywords: [])])
            let pending = feed.getPendingCaptions(tx)
            stage.linkFeed(tx, feed: feed, mediaType: .data)
            let history = stage.getCaptionHistory(tx)
            try await tx.commit()

            #expect(stage.id.hasSuffix("_demo.StageFilter"))
            #expect(feed.id.hasSuffix("_demo.CaptionFeed"))
            #expect(try pushed.get() == 1)
            #expect(try pending.get() == 1)
            // linkFeed connected the feed to the stage and delivered the waiting caption.
            #expect(try history.get().map(\.text) == ["queued"])
            #expect(try await feed.getPendingCaptions() == 0)
            #expect(try await feed.getSinkConnections(mediaType: .data).map(\.sink) == [stage.reference])
            try await feed.push(caption: Caption(text: "live", speaker: nil, style: nil, durationMillis: 1000, keywords: []))
            #expect(try await stage.getCaptionHistory(limit: 1).map(\.text) == ["live"])
        }
    }

    @Test func errorsCarryTheKurentoCodeAndType() async throws {
        try await withDemo { client, pipeline in
            // Constructor checks of the implementation.
            let badMax = await #expect(throws: KurentoError.self) {
                try await StageFilter.create(client, mediaPipeline: pipeline, stageName: "s", maxCaptions: 0)
            }
            #expect(badMax?.code == 40107)
            #expect(badMax?.type == "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR")
            #expect(badMax?.message.contains("maxCaptions") == true)

            let stage = try await StageFilter.create(client, mediaPipeline: pipeline, stageName: "s")
            // A module's own error code.
            let missing = await #expect(throws: KurentoError.self) { try await stage.locateSpeaker(speakerId: "nobody") }
            #expect(missing?.code == 49001)
            // A method's checks.
            let badSpeaker = await #expect(throws: KurentoError.self) { try await stage.showText(text: "x", speakerId: "ghost") }
            #expect(badSpeaker?.code == 40107)
            let badStyle = await #expect(throws: KurentoError.self) {
                try await stage.setCaptionStyle(CaptionStyle(fontFamily: "S", fontSize: 0, bold: false, opacity: 1, anchor: .top,
                                                             margin: Point(x: 0, y: 0)))
            }
            #expect(badStyle?.code == 40107)
            // Released objects are gone for every call.
            try await stage.release()
            let gone = await #expect(throws: KurentoError.self) { try await stage.getStageName() }
            #expect(gone?.code == 40101)
            #expect(gone?.type == "MEDIA_OBJECT_NOT_FOUND")
            #expect(try await pipeline.getChildren().isEmpty)
        }
    }

    @Test func releasingThePipelineReleasesThePluginObjects() async throws {
        try await LoopbackServer.run(modules: [DemoPlugin.module]) { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            let stage = try await StageFilter.create(client, mediaPipeline: pipeline, stageName: "s")
            let feed = try await CaptionFeed.create(client, mediaPipeline: pipeline, language: "fr")
            try await stage.linkFeed(feed: feed)
            try await pipeline.release()
            for object in [stage, feed] as [MediaObject] {
                let error = await #expect(throws: KurentoError.self) { try await object.getName() }
                #expect(error?.code == 40101)
            }
            let manager = ServerManager(client: client, id: KurentoClient.serverManagerID)
            #expect(try await manager.getPipelines().isEmpty)
            await client.close()
        }
    }
}
