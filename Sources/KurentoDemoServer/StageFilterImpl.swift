import KurentoPlatform
import KurentoRuntime
import KurentoServer
#if !KIDL_DEMO_PLUGIN
import KurentoDemo
#endif

/// `demo.StageFilter` without video: captions are kept with the time they were shown, and "analysing a frame"
/// (`measureLatency`) finds one face per registered speaker, unless detection is off.
final class StageFilterImpl: OverlayBaseImpl, StageFilter, @unchecked Sendable {
    let stageName: String
    let language: String
    let maxCaptions: Int32
    let showSpeakerNames: Bool
    let detectionFps: Double

    private struct Visible {
        var id: String
        var caption: Caption
        var anchor: CaptionAnchor
        var shownAt: ContinuousClock.Instant
    }

    private struct State {
        var detectionMode: DetectionMode
        var captionStyle: CaptionStyle
        var faceThreshold: Int32 = 0
        var roleColors: [String: String]
        var speakers: [Speaker]
        var visible: [Visible] = []
        /// Every caption shown, oldest first.
        var history: [Caption] = []
        var captionCounts: [String: Int64] = [:]
        var processedFrames: Int64 = 0
        var faces: [FaceBox] = []
        var nextCaption = 1
    }

    private let state: Locked<State>

    init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, stageName: String, language: String,
         maxCaptions: Int32, showSpeakerNames: Bool, captionOpacity: Float, detectionFps: Double,
         detectionMode: DetectionMode, captionMargin: Point, speakers: [Speaker], roleColors: [String: String]) async throws {
        guard maxCaptions > 0 else { throw KurentoError.illegalParam("'maxCaptions' must be positive") }
        guard (0...1).contains(captionOpacity) else { throw KurentoError.illegalParam("'captionOpacity' must be between 0 and 1") }
        self.stageName = stageName
        self.language = language
        self.maxCaptions = maxCaptions
        self.showSpeakerNames = showSpeakerNames
        self.detectionFps = detectionFps
        let style = CaptionStyle(fontFamily: "Sans", fontSize: 24, bold: false, opacity: captionOpacity, anchor: .bottom,
                                 margin: captionMargin)
        state = Locked(State(detectionMode: detectionMode, captionStyle: style, roleColors: roleColors, speakers: speakers))
        super.init(objectContext: objectContext)
    }

    // MARK: Captions

    func showCaption(caption: Caption) async throws -> String {
        let anchor = caption.style?.anchor ?? state.withLock { $0.captionStyle.anchor }
        return show(caption, anchor: anchor)
    }

    func showText(text: String, speakerId: String, durationMillis: Int32, anchor: CaptionAnchor) async throws -> String {
        guard durationMillis > 0 else { throw KurentoError.illegalParam("'durationMillis' must be positive") }
        var speaker: Speaker?
        if !speakerId.isEmpty {
            speaker = state.withLock { s in s.speakers.first { $0.id == speakerId } }
            guard speaker != nil else { throw KurentoError.illegalParam("Speaker '\(speakerId)' is not registered") }
        }
        let caption = Caption(text: text, speaker: speaker, style: nil, durationMillis: Int64(durationMillis), keywords: [])
        return show(caption, anchor: anchor)
    }

    /// Shows a caption; the oldest visible ones expire when more than `maxCaptions` are visible.
    private func show(_ caption: Caption, anchor: CaptionAnchor) -> String {
        let (id, expired) = state.withLock { s in
            let id = "caption-\(s.nextCaption)"
            s.nextCaption += 1
            s.visible.append(Visible(id: id, caption: caption, anchor: anchor, shownAt: .now))
            s.history.append(caption)
            if let speaker = caption.speaker { s.captionCounts[speaker.id, default: 0] += 1 }
            let excess = max(0, s.visible.count - Int(maxCaptions))
            let expired = Array(s.visible.prefix(excess))
            s.visible.removeFirst(excess)
            return (id, expired)
        }
        addOverlay(id)
        emit(CaptionShownEvent(source: self, captionId: id, caption: caption, anchor: anchor))
        for old in expired {
            removeOverlay(old.id)
            expire(old)
        }
        return id
    }

    private func expire(_ visible: Visible) {
        let shown = ContinuousClock.now - visible.shownAt
        let millis = shown.components.seconds * 1000 + shown.components.attoseconds / 1_000_000_000_000_000
        emit(CaptionExpiredEvent(source: self, captionId: visible.id, caption: visible.caption, anchor: visible.anchor,
                                 shownMillis: millis))
    }

    func hideCaption(captionId: String) async throws -> Bool {
        let hidden = state.withLock { s -> Visible? in
            guard let index = s.visible.firstIndex(where: { $0.id == captionId }) else { return nil }
            return s.visible.remove(at: index)
        }
        guard let hidden else { return false }
        removeOverlay(hidden.id)
        expire(hidden)
        return true
    }

    override func overlaysRemoved(_ ids: [String]) {
        let expired = state.withLock { s in
            defer { s.visible.removeAll { ids.contains($0.id) } }
            return s.visible.filter { ids.contains($0.id) }
        }
        expired.forEach(expire)
    }

    func getCaptionHistory(limit: Int32, speakerId: String?) async throws -> [Caption] {
        guard limit >= 0 else { throw KurentoError.illegalParam("'limit' must not be negative") }
        return state.withLock { s in
            Array(s.history.reversed().filter { speakerId == nil || $0.speaker?.id == speakerId }.prefix(Int(limit)))
        }
    }

    func getCaptionCounts() async throws -> [String: Int64] { state.withLock { $0.captionCounts } }

    // MARK: Speakers

    func addSpeaker(speaker: Speaker) async throws {
        state.withLock { s in
            if let index = s.speakers.firstIndex(where: { $0.id == speaker.id }) { s.speakers[index] = speaker } else { s.speakers.append(speaker) }
        }
    }

    func removeSpeaker(speakerId: String) async throws -> Bool {
        state.withLock { s in
            guard let index = s.speakers.firstIndex(where: { $0.id == speakerId }) else { return false }
            s.speakers.remove(at: index)
            return true
        }
    }

    func getSpeakers() async throws -> [Speaker] { state.withLock { $0.speakers } }

    // MARK: Faces

    func listFaces() async throws -> [FaceBox] { state.withLock { $0.faces } }

    func countFacesByRole() async throws -> [String: Int32] {
        state.withLock { s in
            var counts: [String: Int32] = [:]
            for face in s.faces {
                let role = s.speakers.first { $0.id == face.speakerId }?.role.rawValue ?? "UNKNOWN"
                counts[role, default: 0] += 1
            }
            return counts
        }
    }

    func locateSpeaker(speakerId: String) async throws -> Box {
        guard let face = state.withLock({ s in s.faces.first { $0.speakerId == speakerId } }) else {
            throw KurentoError.custom(code: 49001, "Speaker '\(speakerId)' is not in the frame")
        }
        return Box(origin: face.origin, width: face.width, height: face.height)
    }

    /// Analyses `samples` frames: each finds one face per registered speaker (none when detection is off).
    /// Raises `FacesDetected` when the faces change, and `FaceCountExceeded` when they are more than the threshold.
    func measureLatency(samples: Int32) async throws -> Double {
        guard samples > 0 else { throw KurentoError.illegalParam("'samples' must be positive") }
        let (mode, faces, changed, threshold) = state.withLock { s in
            s.processedFrames += Int64(samples)
            let faces = s.detectionMode == .off ? [] : s.speakers.enumerated().map { i, speaker in
                FaceBox(origin: Point(x: Int32(100 * i), y: 40), width: 80, height: 96, faceId: Int64(i + 1),
                        confidence: s.detectionMode == .accurate ? 0.98 : 0.9, speakerId: speaker.id,
                        labels: speaker.role == .host ? ["smiling"] : [])
            }
            let changed = faces != s.faces
            s.faces = faces
            return (s.detectionMode, faces, changed, s.faceThreshold)
        }
        if changed {
            emit(FacesDetectedEvent(source: self, faces: faces, count: Int32(faces.count), mode: mode))
            if threshold > 0 && faces.count > threshold {
                emit(FaceCountExceededEvent(source: self, faces: faces, count: Int32(faces.count), mode: mode, threshold: threshold))
            }
        }
        switch mode {
        case .off: return 0.5
        case .fast: return 4.0
        case .accurate: return 12.5
        }
    }

    func getProcessedFrames() async throws -> Int64 { state.withLock { $0.processedFrames } }

    // MARK: Feeds

    /// Connects the feed to this filter for `mediaType` and takes its captions from now on.
    func linkFeed(feed: any CaptionFeed, mediaType: MediaType) async throws {
        guard let feed = feed as? CaptionFeedImpl else {
            throw KurentoError.illegalParam("'\(feed.objectContext.id)' is not a caption feed of this server")
        }
        try await feed.connect(sink: self, mediaType: mediaType, sourceMediaDescription: nil, sinkMediaDescription: nil)
        try await feed.link(self)
    }

    // MARK: Properties

    func getStageName() async throws -> String { stageName }
    func getCaptionStyle() async throws -> CaptionStyle { state.withLock { $0.captionStyle } }
    func setCaptionStyle(_ value: CaptionStyle) async throws {
        guard value.fontSize > 0 else { throw KurentoError.illegalParam("'fontSize' must be positive") }
        state.withLock { $0.captionStyle = value }
    }
    func getDetectionMode() async throws -> DetectionMode { state.withLock { $0.detectionMode } }
    func setDetectionMode(_ value: DetectionMode) async throws { state.withLock { $0.detectionMode = value } }
    func getFaceThreshold() async throws -> Int32 { state.withLock { $0.faceThreshold } }
    func setFaceThreshold(_ value: Int32) async throws {
        guard value >= 0 else { throw KurentoError.illegalParam("'faceThreshold' must not be negative") }
        state.withLock { $0.faceThreshold = value }
    }
    func getRoleColors() async throws -> [String: String] { state.withLock { $0.roleColors } }
    func setRoleColors(_ value: [String: String]) async throws { state.withLock { $0.roleColors = value } }
}
