import KurentoPlatform
import KurentoRuntime

/// A Graphviz description of a pipeline's (or hub's) elements and their connections: what `getGstreamerDot`
/// returns. No media runs here, so the graph shows the control plane only.
enum GstreamerDot {
    static func graph(of root: any RemoteObject, name: String) -> String {
        var lines = ["digraph \"\(name)\" {", "  label=\"\(root.objectContext.id)\";"]
        var elements: [any RemoteObject] = []
        var stack = [root]
        while let next = stack.popLast() {
            elements.append(next)
            stack.append(contentsOf: next.objectContext.children.reversed())
        }
        for element in elements {
            lines.append("  \"\(element.objectContext.id)\";")
        }
        for element in elements {
            guard let base = element as? MediaElementBase else { continue }
            for c in base.sinkConnections {
                lines.append("  \"\(element.objectContext.id)\" -> \"\(c.peer)\" [label=\"\(c.type.rawValue)\"];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
