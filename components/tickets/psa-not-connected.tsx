import Link from "next/link";
import { PlugZap } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { canConnect: boolean; switchedOff: boolean };

/** The Tickets page before the account has a working PSA connection: what to do, and who can do it. */
export function PsaNotConnected({ canConnect, switchedOff }: Props) {
  const what = switchedOff ? "The ConnectWise connection is switched off" : "ConnectWise isn't connected yet";
  return (
    <EmptyState icon={PlugZap} title={what}>
      <p>
        {canConnect
          ? "Connect ConnectWise PSA in Settings → PSA to search and work its tickets here."
          : "An owner or admin of your account connects ConnectWise PSA in Settings → PSA; the tickets show up here once they have."}
      </p>
      {canConnect && (
        <Button asChild variant="secondary" className="mt-4">
          <Link href="/settings#settings-psa">Open Settings → PSA</Link>
        </Button>
      )}
    </EmptyState>
  );
}
