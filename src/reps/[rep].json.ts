// Thin on purpose: the loader lives in data-loaders/rep.ts.
import { emitRep } from "../../data-loaders/rep.ts";
await emitRep();
