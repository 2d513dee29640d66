import { isAppError } from "@hopquy/core";
import { notFound } from "next/navigation";

// Pages turn a service's NOT_FOUND into Next's 404 page; anything else stays an error.
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
