import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// The `docs` target: Sphinx roles become links to the right anchor (also on other modules' pages), what does
/// not resolve is a warning at the doc string and stays plain text, and the whole corpus documents.
@Suite struct DocsTests {
    static let snippet = #"""
        "remoteClasses": [
          {
            "name": "Blur", "extends": "Filter",
            "doc": "Blurs; a :rom:cls:`Filter` made for :rom:cls:`endpoints <Endpoint>` and :rom:cls:`snip.Blur`.",
            "constructor": {
              "doc": "Creates it in a :rom:cls:`MediaPipeline`.",
              "params": [ { "name": "mediaPipeline", "type": "MediaPipeline", "doc": "The :rom:cls:`pipeline<MediaPipeline>`." } ]
            },
            "properties": [
              { "name": "radius", "type": "int", "doc": "See :rom:meth:`apply` and :rom:attr:`Blur.mode`." },
              { "name": "mode", "type": "BlurMode", "readOnly": true, "doc": "Set by :rom:meth:`setRadius`." }
            ],
            "methods": [
              { "name": "apply", "doc": "Reads :rom:attr:`getRadius` and :rom:attr:`radius`; raises :rom:evt:`Blurred`; ``a `tick` in code``.",
                "params": [ { "name": "strength", "type": "int", "optional": true, "defaultValue": 1 } ],
                "return": { "type": "Area[]", "doc": "One :rom:ref:`Area` per face; see :rom:meth:`Blur.apply`." } },
              { "name": "apply", "doc": "Overload; :rom:attr:`MediaElement.connect` and :rom:attr:`name`.",
                "params": [ { "name": "a", "type": "int" }, { "name": "b", "type": "int" } ] }
            ],
            "events": ["Blurred"]
          }
        ],
        "complexTypes": [
          { "name": "BlurMode", "typeFormat": "ENUM", "values": ["FAST", "GOOD"],
            "doc": "One of :rom:attr:`BlurMode.FAST`, :rom:enum:`BlurMode.GOOD`, :rom:enum:`MediaType`, :rom:attr:`MediaType.AUDIO`, :rom:attr:`~core.MediaType.VIDEO`." },
          { "name": "Area", "typeFormat": "REGISTER",
            "doc": "An :rom:ref:`Area` with :rom:attr:`width`; :term:`kernel`, :term:`Endpoint`, :rom:enum:`Area`, :rom:evt:`Blur`.",
            "properties": [ { "name": "width", "type": "int", "doc": "Not :rom:cls:`Nowhere`, not :rom:attr:`Area.height`." } ] }
        ],
        "events": [
          { "name": "Blurred", "extends": "Media", "properties": [],
            "doc": "Raised by :rom:cls:`Blur` (see :rom:attr:`source`).\n<p>\n  In HTML: :rom:cls:`Blur`, ``x < y`` and :rom:cls:`Gone`.\n</p>\n\nAfter: :rom:evnt:`Blurred` [not a link]*." }
        ]
        """#

    @Test func rolesBecomeLinksToTheRightAnchor() throws {
        let output = try DocsGeneration.snippet(Self.snippet)
        let page = try #require(output.files["snip.md"])
        let expected = [
            "Blurs; a [`Filter`](core.md#Filter) made for [endpoints](core.md#Endpoint) and [`snip.Blur`](#Blur).",
            "Creates it in a [`MediaPipeline`](core.md#MediaPipeline).",
            "- Param `mediaPipeline`: [`MediaPipeline`](core.md#MediaPipeline) — The [pipeline](core.md#MediaPipeline).",
            "See [`apply`](#Blur.apply) and [`Blur.mode`](#Blur.mode).",
            "Set by [`setRadius`](#Blur.radius).",
            "Reads [`getRadius`](#Blur.radius) and [`radius`](#Blur.radius); raises [`Blurred`](#Blurred); ``a `tick` in code``.",
            "- Param `strength`: `int`, optional, default `1`",
            "- Returns [`Area[]`](#Area) — One [`Area`](#Area) per face; see [`Blur.apply`](#Blur.apply).",
            "<a id=\"Blur.apply-2\"></a>",
            "#### Method `apply(a, b)`",
            "Overload; [`MediaElement.connect`](core.md#MediaElement.connect) and [`name`](core.md#MediaObject.name).",
            "One of [`BlurMode.FAST`](#BlurMode.FAST), [`BlurMode.GOOD`](#BlurMode.GOOD), [`MediaType`](core.md#MediaType), [`MediaType.AUDIO`](core.md#MediaType.AUDIO), [`VIDEO`](core.md#MediaType.VIDEO).",
            "- <a id=\"BlurMode.FAST\"></a>Value `FAST`",
            "An [`Area`](#Area) with [`width`](#Area.width); kernel, [`Endpoint`](core.md#Endpoint), Area, Blur.",
            "- <a id=\"Area.width\"></a>Field `width`: `int` — Not Nowhere, not Area.height.",
            "Raised by [`Blur`](#Blur) (see [`source`](core.md#RaiseBase.source)).",
            "In HTML: <a href=\"#Blur\"><code>Blur</code></a>, <code>x &lt; y</code> and Gone.",
            "After: Blurred \\[not a link\\]\\*.",
            "- Inherited properties: [`source`](core.md#RaiseBase.source), [`timestampMillis`](core.md#RaiseBase.timestampMillis), [`tags`](core.md#RaiseBase.tags), [`type`](core.md#Media.type)",
        ]
        let lines = Set(page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        for line in expected {
            #expect(lines.contains(line), "missing line:\n\(line)\n--- in snip.md:\n\(page)")
        }
    }

    @Test func unresolvedReferencesAreWarningsAtTheDocString() throws {
        let output = try DocsGeneration.snippet(Self.snippet)
        let found = output.diagnostics.map { "\($0.location.map(\.description) ?? "-") \($0.severity.rawValue) \($0.id.rawValue) \($0.message)" }
        #expect(found == [
            "snip.kmd.json:28:12 warning KIDL600 ':rom:enum:`Area`' in the doc of record 'Area' names no enum or enum value of the modules of this run; it stays plain text",
            "snip.kmd.json:28:12 warning KIDL600 ':rom:evt:`Blur`' in the doc of record 'Area' names no event of the modules of this run; it stays plain text",
            "snip.kmd.json:29:62 warning KIDL600 ':rom:cls:`Nowhere`' in the doc of field 'Area.width' names no class, complex type or event of the modules of this run; it stays plain text",
            "snip.kmd.json:29:62 warning KIDL600 ':rom:attr:`Area.height`' in the doc of field 'Area.width' names no property, record field, event property, enum value or method of the modules of this run; it stays plain text",
            "snip.kmd.json:33:12 warning KIDL600 ':rom:cls:`Gone`' in the doc of event 'Blurred' names no class, complex type or event of the modules of this run; it stays plain text",
            "snip.kmd.json:33:12 warning KIDL601 unknown role ':rom:evnt:' in the doc of event 'Blurred' (did you mean ':rom:evt:'?); 'Blurred' stays plain text",
        ], "\(found.joined(separator: "\n"))")
    }

    @Test func pagesLinkAcrossModulesAndTheIndexListsEveryModule() throws {
        let root = Paths.packageRoot
        let inputs = ["idl/core", "idl/elements", "idl/filters", "idl/demo"].map { root.appendingPathComponent($0).path }
        let output = try DocsGeneration.generate(inputs, base: root.path)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(output.files.keys.sorted() == ["core.md", "demo.md", "elements.md", "filters.md", "index.md"])
        let demo = try #require(output.files["demo.md"])
        #expect(demo.contains("- Extends: [`Filter`](core.md#Filter) → [`MediaElement`](core.md#MediaElement) → [`MediaObject`](core.md#MediaObject)"))
        let index = try #require(output.files["index.md"])
        for module in ["core", "demo", "elements", "filters"] {
            #expect(index.contains("| [`\(module)`](\(module).md) | `1.0.0` |"))
        }
        // Every link to a page of the run names an anchor that page declares.
        for (file, text) in output.files {
            for link in Self.links(in: text) {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let page = parts[0].isEmpty ? file : parts[0]
                guard parts.count == 2 else { #expect(output.files[page] != nil, "\(file): \(link)"); continue }
                let target = try #require(output.files[page], "\(file): link to a missing page: \(link)")
                #expect(target.contains("<a id=\"\(parts[1])\"></a>"), "\(file): no anchor for \(link)")
            }
        }
    }

    @Test func sameInputSameBytes() throws {
        let root = Paths.packageRoot
        let inputs = ["idl/core", "idl/elements", "idl/filters", "idl/demo"].map { root.appendingPathComponent($0).path }
        #expect(try DocsGeneration.generate(inputs, base: root.path).files
                == DocsGeneration.generate(inputs.reversed(), base: root.path).files)
    }

    // MARK: The corpus

    static let corpusFolders = ["core", "elements", "filters", "examples/chroma", "examples/crowddetector",
                                "examples/datachannelexample", "examples/gstreamer-example", "examples/markerdetector",
                                "examples/opencv-example", "examples/platedetector", "examples/pointerdetector",
                                "extras/video-sampler"]

    /// What the corpus refers to that does not exist (any more): (id, file, line, column, name).
    static let corpusUnresolved: [(String, String, Int, Int, String)] = [
        ("KIDL600", "elements/elements.PlayerEndpoint.kmd.json", 222, 18, "MediaSource"),
        ("KIDL600", "elements/elements.RtpEndpoint.kmd.json", 6, 14, "MediaPad"),
        ("KIDL600", "elements/elements.WebRtcEndpoint.kmd.json", 664, 14, "DtlsComponentState"),
        ("KIDL600", "examples/pointerdetector/pointerdetector.PointerDetectorFilter.kmd.json", 9, 18, "PointerDetector"),
        ("KIDL601", "filters/filters.ZBarFilter.kmd.json", 6, 14, "CodeFound"),
    ]

    @Test(.enabled(if: Paths.corpus != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func everyCorpusModuleDocumentsWithExactlyTheKnownUnresolvedReferences() throws {
        let corpus = try #require(Paths.corpus)
        let output = try DocsGeneration.generate(Self.corpusFolders.map { corpus.appendingPathComponent($0).path },
                                                 base: corpus.path)
        #expect(output.files.count == Self.corpusFolders.count + 1)
        let found = output.diagnostics.map { d in
            "\(d.id.rawValue) \(d.location.map(\.description) ?? "-")"
        }
        let expected = Self.corpusUnresolved.map { "\($0.0) \($0.1):\($0.2):\($0.3)" }
        #expect(found == expected, "\(output.diagnostics.map(\.description).joined(separator: "\n"))")
        for (d, entry) in zip(output.diagnostics, Self.corpusUnresolved) {
            #expect(d.severity == .warning)
            #expect(d.message.contains("`\(entry.4)`") || d.message.contains("'\(entry.4)'"), "\(d.message)")
        }
        // Enum values and accessor names resolve.
        let core = try #require(output.files["core.md"])
        #expect(core.contains("[`MediaType.AUDIO`](#MediaType.AUDIO)"))
        #expect(core.contains("<a href=\"#BaseRtpEndpoint.mediaState\"><code>getMediaState</code></a>"))
        let chroma = try #require(output.files["chroma.md"])
        #expect(chroma.contains("(core.md#MediaPipeline)"))
    }

    /// The targets of Markdown links `](target)` and HTML links `href="target"` that are not web addresses.
    static func links(in text: String) -> [String] {
        var result: [String] = []
        for pattern in [#"\]\(([^)\s]+)\)"#, #"href="([^"]+)""#] {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if !target.contains("://") { result.append(target) }
            }
        }
        return result
    }
}
