// What the shop and the job schedule call of hardship relief; each job lives in its own module.
export { applyCheckoutSubsidy, reverseOrderSubsidy } from './checkout'
export { monitorFiles } from './monitoring'
