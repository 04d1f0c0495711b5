// Platform Event Message (IPMI v2.0 §29.3, NetFn Sensor/Event 0x04, cmd 0x02): asks the BMC's event
// receiver to log an event, as a sensor would. Over LAN/IPMB the request is the 7 event bytes and the
// BMC takes the generator ID from the message's requester address; on the system interface it is
// preceded by the software ID (figure 29-2). Not idempotent: a retransmitted request logs twice.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import type { SystemEventRecord } from '../../decode/sel-record';

export const PLATFORM_EVENT: CommandSpec = { netFn: 0x04, cmd: 0x02, name: 'Platform Event Message' };

export interface PlatformEvent {
  /** 0x04 for IPMI 1.5/2.0 */
  evmRevision: number;
  sensorType: number;
  sensorNumber: number;
  /** event/reading type code, 7 bits */
  eventType: number;
  deassertion: boolean;
  eventData: [number, number, number];
}

/** System software ID "System Management Software 0" as a generator ID byte (table 5-4): (0x20 << 1) | 1. */
export const SMS_GENERATOR_ID = 0x41;

export function encodePlatformEvent(ev: PlatformEvent, generatorId?: number): Uint8Array {
  const bytes = [
    ev.evmRevision,
    ev.sensorType,
    ev.sensorNumber,
    (ev.deassertion ? 0x80 : 0) | ev.eventType,
    ...ev.eventData,
  ];
  if (generatorId !== undefined) bytes.unshift(generatorId);
  for (const b of bytes)
    if (!Number.isInteger(b) || b < 0 || b > 0xff) throw argumentError(`event byte out of range: ${b}`);
  if ((ev.eventType & 0x80) !== 0) throw argumentError(`event type must be 0-0x7f, got ${ev.eventType}`);
  return Uint8Array.from(bytes);
}

/** The 7 event bytes as `ipmitool event file` and `sel save` write them. */
export function decodePlatformEvent(bytes: Uint8Array): PlatformEvent {
  if (bytes.length < 7) throw argumentError(`a platform event has 7 bytes, got ${bytes.length}`);
  return {
    evmRevision: bytes[0]!,
    sensorType: bytes[1]!,
    sensorNumber: bytes[2]!,
    eventType: bytes[3]! & 0x7f,
    deassertion: (bytes[3]! & 0x80) !== 0,
    eventData: [bytes[4]!, bytes[5]!, bytes[6]!],
  };
}

/** The SEL record a client shows for an event it is about to send: no ID, no timestamp yet. */
export function eventAsSelRecord(ev: PlatformEvent, generatorId = SMS_GENERATOR_ID): SystemEventRecord {
  return {
    kind: 'system',
    recordId: 0,
    recordType: 0,
    timestamp: 0,
    generatorId,
    evmRevision: ev.evmRevision,
    sensorType: ev.sensorType,
    sensorNumber: ev.sensorNumber,
    deassertion: ev.deassertion,
    eventType: ev.eventType,
    eventData: [...ev.eventData],
  };
}

export async function sendPlatformEvent(
  r: Requester,
  ev: PlatformEvent,
  generatorId?: number,
): Promise<void> {
  await call(r, PLATFORM_EVENT, encodePlatformEvent(ev, generatorId));
}

/** ipmitool's three test events (`event 1|2|3`), with the text it announces them by. */
export const SAMPLE_EVENTS: Readonly<Record<1 | 2 | 3, { title: string; event: PlatformEvent }>> = {
  1: {
    title: 'Temperature - Upper Critical - Going High',
    // threshold offset 9 = upper critical going high; no trigger reading or threshold (0xff)
    event: {
      evmRevision: 4,
      sensorType: 0x01,
      sensorNumber: 0x30,
      eventType: 0x01,
      deassertion: false,
      eventData: [9, 0xff, 0xff],
    },
  },
  2: {
    title: 'Voltage Threshold - Lower Critical - Going Low',
    event: {
      evmRevision: 4,
      sensorType: 0x02,
      sensorNumber: 0x60,
      eventType: 0x01,
      deassertion: false,
      eventData: [2, 0xff, 0xff],
    },
  },
  3: {
    title: 'Memory - Correctable ECC',
    event: {
      evmRevision: 4,
      sensorType: 0x0c,
      sensorNumber: 0x53,
      eventType: 0x6f,
      deassertion: false,
      eventData: [0, 0xff, 0xff],
    },
  },
};
