export { createDelivery, type DeliveryDeps, type DeliveryService } from './create-delivery.ts';
export type { Delivery, Schedule, SubscribeInput, Subscription } from './delivery.ts';
export {
  checkSchedule,
  checkTimeZone,
  findDueRun,
  listDueInstants,
  parseDailyTime,
  toCronExpression,
} from './due-instants.ts';
export { parseCron } from './parse-cron.ts';
