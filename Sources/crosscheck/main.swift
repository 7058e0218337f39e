import CrossCheckCLI
import Foundation

// A thin shell: run the CLI (which writes stdout and stderr itself), exit with its status.
exit(CrossCheckCLI.main())
