/// The module's files in a package `kidlc init` creates: the starter kmd file, kidlc's settings per target, the
/// implementation of the generated protocol, the client target's one source file.
extension PackageScaffold {
    var kmd: String {
        let n = names
        return """
            {
              "name": "\(n.module)",
              "version": "0.1.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "\(n.className)",
                  "doc": "What \(n.className) does (started by kidlc init: replace the mark counter with your own members).",
                  "extends": "\(base.kmd)",
                  "constructor": {
                    "doc": "Creates a \(n.className) in a pipeline.",
                    "params": [
                      { "name": "mediaPipeline", "doc": "The pipeline it belongs to.", "type": "MediaPipeline" }
                    ]
                  },
                  "properties": [
                    { "name": "enabled", "doc": "Whether it does its work; when false, media passes through untouched.", "type": "boolean" }
                  ],
                  "methods": [
                    {
                      "name": "mark",
                      "doc": "Records a mark, and raises \(n.event).",
                      "params": [
                        { "name": "label", "doc": "What the mark is about; not empty.", "type": "String" }
                      ],
                      "return": { "doc": "How many marks were recorded so far.", "type": "int" }
                    }
                  ],
                  "events": ["\(n.event)"]
                }
              ],
              "events": [
                {
                  "name": "\(n.event)",
                  "doc": "Raised by mark.",
                  "extends": "Media",
                  "properties": [
                    { "name": "label", "doc": "The label given to mark.", "type": "String" },
                    { "name": "count", "doc": "How many marks were recorded so far.", "type": "int" }
                  ]
                }
              ]
            }

            """
    }

    var serverConfig: String {
        """
        # kidlc's settings for this target (KidlcPlugin): the generated server protocols and glue.
        targets: [swift-server]
        # Folders of the kmd modules this one imports, besides core, elements and filters (kidl brings those):
        # importPaths: [../../idl]

        """
    }

    var clientConfig: String {
        """
        # kidlc's settings for this target (KidlcPlugin): the generated client proxies.
        targets: [swift-client]

        """
    }

    var implementation: String {
        let n = names
        return """
            import KurentoPlatform
            import KurentoRuntime
            import KurentoServer

            /// `\(n.module).\(n.className)`: implements the protocol `\(n.className)` that kidl's build plugin generates from
            /// \(n.kmdFile). When the kmd file changes, the compiler lists what is missing here.
            public final class \(n.implementation): \(base.swift), \(n.className), @unchecked Sendable {
                private struct State {
                    var enabled = true
                    var marks: Int32 = 0
                }

                private let state = Locked(State())

                public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline) async throws {
                    super.init(objectContext: objectContext)
                }

                public func mark(label: String) async throws -> Int32 {
                    guard !label.isEmpty else { throw KurentoError.illegalParam("'label' must not be empty") }
                    let count = state.withLock { s in
                        s.marks += 1
                        return s.marks
                    }
                    emit(\(n.eventType)(source: self, label: label, count: count))
                    return count
                }

                public func getEnabled() async throws -> Bool { state.withLock { $0.enabled } }
                public func setEnabled(_ value: Bool) async throws { state.withLock { $0.enabled = value } }
            }

            extension \(n.moduleType) {
                /// The module with this package's implementation: `KurentoServerCore(modules: [\(n.moduleType).implemented])`.
                public static var implemented: \(n.moduleType) { \(n.moduleType)(\(n.implementationLabel): \(n.implementation).self) }
            }

            """
    }

    var clientExports: String {
        """
        // The generated proxies are this target's code (KidlcPlugin); a target needs one source file of its own, and
        // this one makes `import \(names.clientTarget)` bring the client library and the platform's proxies along.
        @_exported import KurentoClient
        @_exported import KurentoPlatformClient

        """
    }
}
