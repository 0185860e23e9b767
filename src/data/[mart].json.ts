// Thin on purpose: the loader lives in data-loaders/mart.ts.
import { emitMart } from "../../data-loaders/mart.ts";
await emitMart();
