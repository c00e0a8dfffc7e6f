import KurentoRuntime
import KurentoServer
import Testing

/// Methods of the demo module through the dispatcher: defaults of omitted params, results that are records,
/// lists and maps (with `__type__`/`__module__` on records), object params, and the implementation's state.
@Suite struct MethodTests {
    static let ana: JSON = ["id": "ana", "displayName": "Ana", "role": "HOST", "attributes": ["seat": "1"]]
    static let bo: JSON = ["id": "bo", "displayName": "Bo"]   // role defaults to GUEST

    @Test func omittedParamsTakeTheirDefaults() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        try s.subscribe(stage, "CaptionShown")

        // showText(text, speakerId = "", durationMillis = 4000, anchor = BOTTOM)
        #expect(try await s.invoke(stage, "showText", ["text": "hello"]) == "caption-1")
        let shown = fields(s.events.all.last?.data)
        #expect(shown["anchor"] == "BOTTOM")
        #expect(shown["caption"] == ["__type__": "Caption", "__module__": "demo", "text": "hello",
                                     "durationMillis": 4000, "keywords": []])

        // getCaptionHistory(limit = 10, speakerId absent); measureLatency(samples = 30).
        #expect(try await s.invoke(stage, "getCaptionHistory").arrayValue?.count == 1)
        #expect(try await s.invoke(stage, "measureLatency") == .double(4.0))
        #expect(try await s.invoke(stage, "getProcessedFrames") == 30)
        // An explicit null is the same as an omitted param.
        #expect(try await s.invoke(stage, "measureLatency", ["samples": nil]) == .double(4.0))
        #expect(try await s.invoke(stage, "getProcessedFrames") == 60)
    }

    @Test func recordListAndMapResults() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main", "maxCaptions": 5])
        try await s.invoke(stage, "addSpeaker", ["speaker": Self.ana])
        try await s.invoke(stage, "addSpeaker", ["speaker": Self.bo])

        #expect(try await s.invoke(stage, "showCaption", ["caption": ["text": "welcome", "speaker": Self.ana,
                                                                      "keywords": ["welcome"]]]) == "caption-1")
        #expect(try await s.invoke(stage, "showText", ["text": "thanks", "speakerId": "bo", "durationMillis": 1500,
                                                        "anchor": "TOP"]) == "caption-2")
        try await s.invoke(stage, "showText", ["text": "and you", "speakerId": "ana"])

        // A list of records, newest first, nested records typed too.
        let history = try await s.invoke(stage, "getCaptionHistory", ["limit": 2]).arrayValue ?? []
        #expect(history.map { $0["text"] } == ["and you", "thanks"])
        #expect(history.allSatisfy { $0["__type__"] == "Caption" && $0["__module__"] == "demo" })
        #expect(history[1]["durationMillis"] == 1500)
        #expect(history[1]["speaker"] == ["__type__": "Speaker", "__module__": "demo", "id": "bo", "displayName": "Bo",
                                          "role": "GUEST", "attributes": [:]])
        let anasCaptions = try await s.invoke(stage, "getCaptionHistory", ["speakerId": "ana"]).arrayValue ?? []
        #expect(anasCaptions.map { $0["text"] } == ["and you", "welcome"])
        #expect(anasCaptions.last?["keywords"] == ["welcome"])

        // Maps.
        #expect(try await s.invoke(stage, "getCaptionCounts") == ["ana": 2, "bo": 1])
        try await s.invoke(stage, "measureLatency", ["samples": 1])
        #expect(try await s.invoke(stage, "countFacesByRole") == ["HOST": 1, "GUEST": 1])

        // A list of records of a record type that extends another (FaceBox extends Box).
        let faces = try await s.invoke(stage, "listFaces").arrayValue ?? []
        #expect(faces.count == 2)
        #expect(faces.first == ["__type__": "FaceBox", "__module__": "demo", "origin": ["__type__": "Point", "__module__": "demo", "x": 0, "y": 40],
                                "width": 80, "height": 96, "faceId": 1, "confidence": 0.9, "speakerId": "ana", "labels": ["smiling"]])
        // A record result.
        #expect(try await s.invoke(stage, "locateSpeaker", ["speakerId": "bo"]) == [
            "__type__": "Box", "__module__": "demo", "origin": ["__type__": "Point", "__module__": "demo", "x": 100, "y": 40],
            "width": 80, "height": 96,
        ])
        // A custom error of the module (49000–49999, type UNDEFINED).
        await expectKurentoError(49001, "UNDEFINED", "Speaker 'carl' is not in the frame") {
            try await s.invoke(stage, "locateSpeaker", ["speakerId": "carl"])
        }

        #expect(try await s.invoke(stage, "removeSpeaker", ["speakerId": "bo"]) == true)
        #expect(try await s.invoke(stage, "removeSpeaker", ["speakerId": "bo"]) == false)
        #expect(try await s.invoke(stage, "getSpeakers").arrayValue?.map { $0["id"] } == ["ana"])
    }

    @Test func captionsComeAndGo() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main", "maxCaptions": 2])
        for text in ["one", "two", "three"] { try await s.invoke(stage, "showText", ["text": .string(text)]) }
        // maxCaptions = 2: "one" expired.
        #expect(try await s.invoke(stage, "getOverlayCount") == 2)
        #expect(try await s.invoke(stage, "hideCaption", ["captionId": "caption-1"]) == false)
        #expect(try await s.invoke(stage, "hideCaption", ["captionId": "caption-2"]) == true)
        #expect(try await s.invoke(stage, "getOverlayCount") == 1)
        try await s.invoke(stage, "setOverlayEnabled", ["overlayEnabled": false])
        #expect(try await s.invoke(stage, "getOverlayCount") == 0)
        try await s.invoke(stage, "setOverlayEnabled", ["overlayEnabled": true])
        try await s.invoke(stage, "clearOverlays")
        #expect(try await s.invoke(stage, "getOverlayCount") == 0)
        #expect(try await s.invoke(stage, "getCaptionHistory").arrayValue?.count == 3)

        let logo = try await s.element("demo.LogoOverlay", in: pipeline, ["imageUri": "file:///a.png"])
        #expect(try await s.invoke(logo, "getOverlayCount") == 1)
        try await s.invoke(logo, "clearOverlays")
        #expect(try await s.invoke(logo, "getOverlayCount") == 0)
        try await s.invoke(logo, "replaceImage", ["imageUri": "file:///b.png"])   // fadeMillis = 0
        #expect(try await s.invoke(logo, "getImageUri") == "file:///b.png")
        #expect(try await s.invoke(logo, "getOverlayCount") == 1)
    }

    @Test func captionFeedQueuesUntilLinkedThenDelivers() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main", "maxCaptions": 10])
        let feed = try await s.element("demo.CaptionFeed", in: pipeline, ["language": "de"])
        try s.subscribe(stage, "CaptionShown")
        try s.subscribe(feed, "ElementConnected")

        try await s.invoke(feed, "push", ["caption": ["text": "erste"]])
        #expect(try await s.invoke(feed, "pushAll", ["captions": [["text": "zweite"], ["text": "dritte"]]]) == 2)
        #expect(try await s.invoke(feed, "getPendingCaptions") == 3)
        try await s.invoke(feed, "flush")
        #expect(try await s.invoke(feed, "getPendingCaptions") == 0)
        try await s.invoke(feed, "push", ["caption": ["text": "vierte"]])

        // An object param: the feed, given by id. mediaType defaults to DATA.
        try await s.invoke(stage, "linkFeed", ["feed": .string(feed)])
        let connected = s.events.of(type: "ElementConnected")
        #expect(connected.count == 1 && fields(connected.first?.data)["mediaType"] == "DATA")
        #expect(fields(connected.first?.data)["sink"] == .string(stage))
        #expect(try await s.invoke(feed, "getPendingCaptions") == 0)
        try await s.invoke(feed, "push", ["caption": ["text": "fünfte"]])
        #expect(s.events.of(type: "CaptionShown").compactMap { $0.data["caption"]?["text"]?.stringValue } == ["vierte", "fünfte"])
        #expect(try await s.invoke(feed, "getLanguage") == "de")

        // A param naming an object of the wrong class.
        await expectKurentoError(40001, "MARSHALL_ERROR", "'feed' parameter should be a CaptionFeed, but '\(stage)' is not") {
            try await s.invoke(stage, "linkFeed", ["feed": .string(stage)])
        }
    }
}
