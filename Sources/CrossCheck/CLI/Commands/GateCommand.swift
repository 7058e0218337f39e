/// `crosscheck gate`: Report the conflicts an edit introduces. (Not built yet.)
public enum GateCommand: Command {
    public static let name = "gate"
    public static let summary = "Report the conflicts an edit introduces"
    public static let help = "Usage: crosscheck gate ...\n\nReport the conflicts an edit introduces."
    public static let spec = ArgumentSpec()
    public static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        throw .usage("crosscheck gate: not implemented yet")
    }
}
