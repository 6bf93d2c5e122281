import type { TlpLabel } from '../../domain/marking.js';

/**
 * The TLP 2.0 marking definitions OASIS publishes (cti-stix-common-objects, "TLP 2.0" extension
 * `extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d`): fixed ids every STIX consumer
 * knows, so a TLP marking is recognised without reading our own definitions.
 */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

export const TLP2_IDS: Readonly<Record<TlpLabel, string>> = Object.freeze({
  'TLP:CLEAR': 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'TLP:GREEN': 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'TLP:AMBER': 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'TLP:AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'TLP:RED': 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
});

/** TLP 1.0 marking definitions of the STIX 2.1 specification (§7.2.1.4), read on import only. */
export const TLP1_IDS: Readonly<Record<string, TlpLabel>> = Object.freeze({
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'TLP:CLEAR', // TLP:WHITE
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'TLP:GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'TLP:AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'TLP:RED',
});

export const TLP_CLEAR_ID = TLP2_IDS['TLP:CLEAR'];
