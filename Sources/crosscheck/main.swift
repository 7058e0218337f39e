import CrossCheckCLI
import Foundation

// A thin shell: run the CLI in-process, then hand its output and status to the OS.
var context = CommandContext(environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: isatty(1) == 1)
context.streamOut = { FileHandle.standardOutput.write(Data($0.utf8)) }
let status = CrossCheckCLI.run(Array(CommandLine.arguments.dropFirst()), context: &context)
FileHandle.standardOutput.write(Data(context.out.utf8))
FileHandle.standardError.write(Data(context.err.utf8))
exit(status)
